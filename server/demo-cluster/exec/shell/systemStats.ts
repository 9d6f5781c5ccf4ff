import { mixSeed } from "../../logs/rng";
import type { ContainerFacts } from "./containerFacts";

// Host figures as seen from inside a container (the node's, as /proc shows them), drifting slowly.

export interface MemoryStats {
  totalKiB: number;
  freeKiB: number;
  availableKiB: number;
  buffersKiB: number;
  cachedKiB: number;
  sharedKiB: number;
  usedKiB: number;
}

const drift = (facts: ContainerFacts, salt: number, nowMs: number) => (mixSeed(facts.seed ^ salt, Math.floor(nowMs / 30_000)) % 1000) / 1000;

export function memoryStats(facts: ContainerFacts, nowMs: number): MemoryStats {
  const totalKiB = facts.memTotalKiB;
  const usedShare = 0.22 + (facts.seed % 200) / 1000 + drift(facts, 1, nowMs) * 0.04;
  const usedKiB = Math.round(totalKiB * usedShare);
  const buffersKiB = Math.round(totalKiB * 0.025);
  const cachedKiB = Math.round(totalKiB * (0.2 + drift(facts, 2, nowMs) * 0.05));
  const freeKiB = totalKiB - usedKiB - buffersKiB - cachedKiB;
  return { totalKiB, freeKiB, availableKiB: freeKiB + Math.round(cachedKiB * 0.8) + buffersKiB, buffersKiB, cachedKiB, sharedKiB: 1_256, usedKiB };
}

export function loadAverages(facts: ContainerFacts, nowMs: number): [number, number, number] {
  const base = 0.05 * facts.cpuCount;
  const one = base + drift(facts, 3, nowMs) * 0.3 * facts.cpuCount;
  const five = base + drift(facts, 4, nowMs - 150_000) * 0.2 * facts.cpuCount;
  const fifteen = base + (facts.seed % 100) / 100 * 0.15 * facts.cpuCount;
  return [one, five, fifteen].map((v) => Math.round(v * 100) / 100) as [number, number, number];
}

export function uptimeSeconds(facts: ContainerFacts, nowMs: number): number {
  return Math.max(1, (nowMs - facts.nodeBootMs) / 1000);
}

/** "3 days,  4:05" / "4:05" / "12 min", as uptime and top print it. */
export function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const clock = hours > 0 ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, "0")}` : `${minutes} min`;
  return days > 0 ? `${days} day${days === 1 ? "" : "s"}, ${clock}` : clock;
}
