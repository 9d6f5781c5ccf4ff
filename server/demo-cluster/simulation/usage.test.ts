import { describe, expect, test } from "vitest";
import type { ContainerSpec } from "./objects/types";
import { containerProfile, cpuCores, cpuSeconds, memoryBytes, oomKillAt } from "./usage";

const Mi = 2 ** 20;
const spec = (resources: ContainerSpec["resources"]): ContainerSpec => ({ name: "app", image: "app:1", resources });
const start = Date.UTC(2025, 0, 1);

describe("usage model", () => {
  const profile = containerProfile({ seed: 7, podUid: "ns/pod@t", container: spec({ requests: { cpu: "200m", memory: "128Mi" }, limits: { cpu: "300m", memory: "256Mi" } }), startedMs: start, leaks: false });

  test("CPU varies smoothly, stays under the limit, and its counter never goes back", () => {
    let previous = -1;
    const rates: number[] = [];
    for (let s = 0; s < 4 * 3600; s += 7) {
      const t = start + s * 1000;
      const rate = cpuCores(profile, t);
      rates.push(rate);
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThanOrEqual(0.3);
      const total = cpuSeconds(profile, t);
      expect(total).toBeGreaterThanOrEqual(previous);
      previous = total;
    }
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.01);
  });

  test("the counter's slope is the instantaneous rate", () => {
    const t = start + 1234_000;
    const slope = (cpuSeconds(profile, t + 500) - cpuSeconds(profile, t - 500)) / 1;
    expect(slope).toBeCloseTo(cpuCores(profile, t), 3);
  });

  test("memory stays within the limit and the same inputs give the same numbers", () => {
    for (let s = 0; s < 3600; s += 60) expect(memoryBytes(profile, start + s * 1000)).toBeLessThanOrEqual(256 * Mi);
    const again = containerProfile({ seed: 7, podUid: "ns/pod@t", container: spec({ requests: { cpu: "200m", memory: "128Mi" }, limits: { cpu: "300m", memory: "256Mi" } }), startedMs: start, leaks: false });
    expect(memoryBytes(again, start + 99_000)).toBe(memoryBytes(profile, start + 99_000));
    const other = containerProfile({ seed: 8, podUid: "ns/pod@t", container: spec({ requests: { cpu: "200m", memory: "128Mi" } }), startedMs: start, leaks: false });
    expect(cpuCores(other, start + 99_000)).not.toBe(cpuCores(profile, start + 99_000));
  });

  test("a leaking container grows until it reaches its limit at the OOM time", () => {
    const leak = containerProfile({ seed: 1, podUid: "shop/leaky@t", container: spec({ requests: { memory: "64Mi" }, limits: { memory: "128Mi" } }), startedMs: start, leaks: true });
    const oomAt = oomKillAt(leak)!;
    expect(oomAt - start).toBeGreaterThan(60_000);
    expect(oomAt - start).toBeLessThan(200_000);
    expect(memoryBytes(leak, start + 10_000)).toBeLessThan(memoryBytes(leak, start + 40_000));
    expect(memoryBytes(leak, oomAt)).toBe(128 * Mi);
    expect(oomKillAt(profile)).toBeUndefined();
  });
});
