/** Where the simulation reads the time; tests inject a manual one to run minutes in milliseconds. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to, for tests. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.UTC(2025, 0, 15, 12, 0, 0)) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** RFC 3339 with whole seconds, the way the apiserver writes metav1.Time. */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** RFC 3339 with nanosecond-style fraction, the way the kubelet writes stats times. */
export function toPreciseTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** Parses a Kubernetes timestamp; undefined for absent or malformed values. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
