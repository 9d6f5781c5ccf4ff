import { parseQuantity } from "@/lib/k8s/quantity";
import { unitHash } from "./random";
import type { ContainerSpec } from "./objects/types";

// CPU and memory of containers as smooth functions of time, computed when read: nothing is written per tick.

const MiB = 2 ** 20;

interface Wave {
  amplitude: number;
  omega: number;
  phase: number;
}

/** Everything the usage of one container start depends on. */
export interface ContainerProfile {
  startedMs: number;
  cpuBaseCores: number;
  memoryBaseBytes: number;
  memoryLimitBytes?: number;
  /** Set for a leaking container: bytes per second it grows from its start. */
  leakBytesPerSecond?: number;
  leakStartBytes?: number;
  cpuWaves: Wave[];
  memoryWave: Wave;
}

export interface ProfileInput {
  seed: number;
  podUid: string;
  container: ContainerSpec;
  startedMs: number;
  leaks: boolean;
}

function wave(key: string, amplitude: number, minPeriodS: number, maxPeriodS: number): Wave {
  const period = minPeriodS + (maxPeriodS - minPeriodS) * unitHash(key, "period");
  return { amplitude, omega: (2 * Math.PI) / period, phase: 2 * Math.PI * unitHash(key, "phase") };
}

function resource(container: ContainerSpec, kind: "requests" | "limits", name: string): number | undefined {
  const text = container.resources?.[kind]?.[name];
  return text === undefined ? undefined : parseQuantity(text);
}

/** The usage profile of one container start; deterministic in seed, pod uid, container name and start time. */
export function containerProfile(input: ProfileInput): ContainerProfile {
  const key = `${input.seed}/${input.podUid}/${input.container.name}`;
  const cpuRequest = resource(input.container, "requests", "cpu");
  const cpuLimit = resource(input.container, "limits", "cpu");
  const memRequest = resource(input.container, "requests", "memory");
  const memLimit = resource(input.container, "limits", "memory");
  const cpuWaves = [wave(`${key}/c1`, 0.15, 60, 180), wave(`${key}/c2`, 0.25, 600, 1800), wave(`${key}/c3`, 0.2, 3600, 7200)];
  const peak = 1 + cpuWaves.reduce((sum, w) => sum + w.amplitude, 0);
  let cpuBase = cpuRequest ? cpuRequest * (0.15 + 0.5 * unitHash(key, "cpu")) : 0.002 + 0.02 * unitHash(key, "cpu");
  if (cpuLimit) cpuBase = Math.min(cpuBase, (cpuLimit * 0.95) / peak);
  let memBase = memRequest ? memRequest * (0.45 + 0.4 * unitHash(key, "mem")) : 16 * MiB + 180 * MiB * unitHash(key, "mem");
  if (memLimit) memBase = Math.min(memBase, memLimit * 0.8);
  const profile: ContainerProfile = {
    startedMs: input.startedMs,
    cpuBaseCores: cpuBase,
    memoryBaseBytes: memBase,
    memoryLimitBytes: memLimit,
    cpuWaves,
    memoryWave: wave(`${key}/m`, 0.04, 300, 900),
  };
  if (input.leaks && memLimit) {
    const secondsToLimit = 80 + 80 * unitHash(key, "leak", input.startedMs);
    profile.leakStartBytes = memLimit * 0.3;
    profile.leakBytesPerSecond = (memLimit - profile.leakStartBytes) / secondsToLimit;
  }
  return profile;
}

/** Instantaneous CPU use in cores at `ms` (always within the limit). */
export function cpuCores(profile: ContainerProfile, ms: number): number {
  const t = ms / 1000;
  let factor = 1;
  for (const w of profile.cpuWaves) factor += w.amplitude * Math.sin(w.omega * t + w.phase);
  return profile.cpuBaseCores * factor;
}

/** CPU seconds used since the container started: the exact integral of cpuCores, so it never decreases. */
export function cpuSeconds(profile: ContainerProfile, ms: number): number {
  return cpuIntegral(profile, profile.startedMs, Math.max(ms, profile.startedMs));
}

/** Integral of cpuCores over [fromMs, toMs] in core-seconds. */
export function cpuIntegral(profile: ContainerProfile, fromMs: number, toMs: number): number {
  const s = fromMs / 1000;
  const t = toMs / 1000;
  let waves = 0;
  for (const w of profile.cpuWaves) waves += (w.amplitude / w.omega) * (Math.cos(w.omega * s + w.phase) - Math.cos(w.omega * t + w.phase));
  return profile.cpuBaseCores * (t - s + waves);
}

/** Working-set bytes at `ms`: warms up after start, then wobbles; a leaking container climbs to its limit. */
export function memoryBytes(profile: ContainerProfile, ms: number): number {
  const age = Math.max(0, ms - profile.startedMs) / 1000;
  if (profile.leakBytesPerSecond !== undefined && profile.leakStartBytes !== undefined) {
    const grown = profile.leakStartBytes + profile.leakBytesPerSecond * age;
    return Math.round(Math.min(grown, profile.memoryLimitBytes ?? grown));
  }
  const warm = 0.6 + 0.4 * (1 - Math.exp(-age / 60));
  const w = profile.memoryWave;
  const value = profile.memoryBaseBytes * warm * (1 + w.amplitude * Math.sin(w.omega * (ms / 1000) + w.phase));
  return Math.round(profile.memoryLimitBytes ? Math.min(value, profile.memoryLimitBytes * 0.95) : value);
}

/** When a leaking container reaches its memory limit (and the kernel kills it); undefined if it never does. */
export function oomKillAt(profile: ContainerProfile): number | undefined {
  if (profile.leakBytesPerSecond === undefined || profile.leakStartBytes === undefined || !profile.memoryLimitBytes) return undefined;
  const seconds = (profile.memoryLimitBytes - profile.leakStartBytes) / profile.leakBytesPerSecond;
  return profile.startedMs + Math.ceil(seconds * 1000);
}

/** A smooth, non-negative rate (bytes/s or similar) and its exact integral, for network counters. */
export function smoothRate(key: string, base: number, ms: number): number {
  const w = wave(key, 0.5, 120, 900);
  return base * (1 + w.amplitude * Math.sin(w.omega * (ms / 1000) + w.phase));
}

export function smoothTotal(key: string, base: number, fromMs: number, toMs: number): number {
  const w = wave(key, 0.5, 120, 900);
  const s = fromMs / 1000;
  const t = Math.max(toMs, fromMs) / 1000;
  return base * (t - s + (w.amplitude / w.omega) * (Math.cos(w.omega * s + w.phase) - Math.cos(w.omega * t + w.phase)));
}
