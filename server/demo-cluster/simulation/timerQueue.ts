interface Entry {
  at: number;
  key: string;
}

/**
 * Keys due at a time, earliest first (a binary heap). Scheduling a key again keeps the earlier time,
 * so controllers can re-arm freely; stale heap entries are skipped when popped.
 */
export class TimerQueue {
  private readonly heap: Entry[] = [];
  private readonly dueAt = new Map<string, number>();

  schedule(key: string, at: number): void {
    const current = this.dueAt.get(key);
    if (current !== undefined && current <= at) return;
    this.dueAt.set(key, at);
    this.push({ at, key });
  }

  /** Forgets a key's timer, e.g. when its object is gone. */
  cancel(key: string): void {
    this.dueAt.delete(key);
  }

  get size(): number {
    return this.dueAt.size;
  }

  /** Removes and returns every key due at or before `now`. */
  popDue(now: number): string[] {
    const due: string[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const entry = this.pop();
      if (this.dueAt.get(entry.key) !== entry.at) continue;
      this.dueAt.delete(entry.key);
      due.push(entry.key);
    }
    return due;
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= entry.at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.at < heap[left]!.at ? right : left;
      if (heap[child]!.at >= last.at) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
