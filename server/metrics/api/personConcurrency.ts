/** Counts running queries per person and refuses one past the limit at once, so one person cannot queue out the rest. */
export class PersonConcurrency {
  private readonly running = new Map<string, number>();

  constructor(private readonly limit: () => number) {}

  /** A release function when a slot is free, undefined when the person already runs `limit` queries. */
  tryAcquire(person: string): (() => void) | undefined {
    const now = this.running.get(person) ?? 0;
    if (now >= this.limit()) return undefined;
    this.running.set(person, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(person) ?? 1) - 1;
      if (left === 0) this.running.delete(person);
      else this.running.set(person, left);
    };
  }
}
