import { log } from "@/server/log";

/** One reconcile loop: `sync` brings one object key to its desired state; `tick` does time-driven work. */
export interface Controller {
  readonly name: string;
  /** Reconciles one key; must tolerate keys whose object no longer exists. */
  sync(key: string): void;
  /** Periodic work such as firing due timers; enqueue keys rather than doing heavy work here. */
  tick?(now: number): void;
}

/** Rounds of draining before yielding, so a controller that keeps re-queueing cannot starve the process. */
const maxRoundsPerRun = 50;

/**
 * Runs controllers the way kube-controller-manager does: watches put keys on per-controller
 * queues (deduplicated), and a worker drains them; all on one thread, so syncs never interleave.
 */
export class ControllerRunner {
  private readonly queues = new Map<string, Set<string>>();
  private readonly controllers: Controller[] = [];
  private scheduled = false;
  private running = false;

  /** `schedule` asks for a later drain (setImmediate in the live cluster; nothing in manual tests). */
  constructor(private readonly schedule: (run: () => void) => void) {}

  add(controller: Controller): void {
    this.controllers.push(controller);
    this.queueOf(controller.name);
  }

  /** Queues a key for a controller (controllers may queue from their constructors, before `add`). */
  enqueue(controller: string, key: string): void {
    this.queueOf(controller).add(key);
    if (!this.running) this.requestRun();
  }

  private requestRun(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.runPending();
    });
  }

  /** Total keys waiting, for tests and diagnostics. */
  pending(): number {
    let total = 0;
    for (const queue of this.queues.values()) total += queue.size;
    return total;
  }

  tick(now: number): void {
    for (const controller of this.controllers) {
      try {
        controller.tick?.(now);
      } catch (error) {
        log.warn({ err: error, controller: controller.name }, "demo controller tick failed");
      }
    }
    this.runPending();
  }

  /** Drains every queue until all are empty (or the round limit is reached; the rest waits for the next run). */
  runPending(): void {
    if (this.running) return;
    this.running = true;
    try {
      for (let round = 0; round < maxRoundsPerRun && this.pending() > 0; round++) {
        for (const controller of this.controllers) this.drain(controller);
      }
    } finally {
      this.running = false;
    }
    if (this.pending() > 0) this.requestRun();
  }

  private queueOf(name: string): Set<string> {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = new Set()));
    return queue;
  }

  private drain(controller: Controller): void {
    const queue = this.queueOf(controller.name);
    if (queue.size === 0) return;
    const keys = [...queue];
    queue.clear();
    for (const key of keys) {
      try {
        controller.sync(key);
      } catch (error) {
        log.warn({ err: error, controller: controller.name, key }, "demo controller sync failed");
      }
    }
  }
}
