import { log } from "@/server/log";
import type { ObjectStore } from "../store";
import { systemClock, type Clock } from "./clock";
import { createInformers, stopInformers, type SimContext } from "./context";
import { CronJobController } from "./controllers/cronJob";
import { DaemonSetController } from "./controllers/daemonSet";
import { DeploymentController } from "./controllers/deployment";
import { DisruptionController } from "./controllers/disruption";
import { EndpointSliceController } from "./controllers/endpointSlice";
import { GarbageCollector } from "./controllers/garbageCollector";
import { every } from "./controllers/helpers";
import { JobController } from "./controllers/job";
import { NamespaceController } from "./controllers/namespaceLifecycle";
import { NodeLifecycleController } from "./controllers/nodeLifecycle";
import { GracefulPodTerminator } from "./controllers/podTerminator";
import { ReplicaSetController } from "./controllers/replicaSet";
import { StatefulSetController } from "./controllers/statefulSet";
import { EventRecorder } from "./events";
import { Kubelet } from "./kubelet/kubelet";
import { Rng } from "./random";
import { registerSimulation, unregisterSimulation } from "./registry";
import { ControllerRunner, type Controller } from "./runner";
import { Scheduler } from "./scheduler/scheduler";
import { recordRecentHistory } from "./seed/eventHistory";
import { seedCluster, type SeedSummary } from "./seed/seedCluster";

export interface SimulationOptions {
  /** Number of nodes (default 3). */
  nodes?: number;
  /** About how many pods in all (default: the hand-made demo, about 40). */
  pods?: number;
  /** Makes names and labels repeatable (default 1). */
  seed?: number;
  /** How often controllers look at the time (default 1000 ms). */
  tickMs?: number;
  /** The time source; tests pass a ManualClock. */
  clock?: Clock;
  /** false: no timers at all; the caller drives tick() and settle() (tests). Default true. */
  autoRun?: boolean;
}

export interface Simulation {
  stop(): void;
  /** Runs time-driven work due now, then every queued sync. */
  tick(): void;
  /** Runs every queued sync until the controllers are idle. */
  settle(): void;
  readonly summary: SeedSummary;
}

/** Events kept before the oldest go: grows with the cluster like a busier apiserver's. */
export const eventCapFor = (pods: number) => Math.min(20_000, Math.max(500, pods * 2));

function createControllers(ctx: SimContext, terminator: GracefulPodTerminator): Controller[] {
  const pruneEvents = every(10_000, (now) => ctx.recorder.prune(now));
  return [
    terminator, new Scheduler(ctx), new Kubelet(ctx), new ReplicaSetController(ctx), new DeploymentController(ctx),
    new StatefulSetController(ctx), new DaemonSetController(ctx), new JobController(ctx), new CronJobController(ctx),
    new EndpointSliceController(ctx), new DisruptionController(ctx), new GarbageCollector(ctx), new NodeLifecycleController(ctx),
    new NamespaceController(ctx), { name: "event-pruner", sync: () => undefined, tick: pruneEvents },
  ];
}

/**
 * Seeds the demo cluster into `store` (synchronously) and runs its controllers: deployments, replica sets,
 * stateful and daemon sets, jobs, cron jobs, scheduler, kubelets, endpoint slices, garbage collection and events.
 */
export function startSimulation(store: ObjectStore, opts: SimulationOptions = {}): Simulation {
  const clock = opts.clock ?? systemClock;
  const seed = opts.seed ?? 1;
  const autoRun = opts.autoRun ?? true;
  const started = performance.now();
  const summary = seedCluster(store, { nodes: opts.nodes ?? 3, pods: opts.pods, seed, now: clock.now() });
  const runner = new ControllerRunner(autoRun ? (run) => setImmediate(run) : () => undefined);
  const informers = createInformers(store);
  const ctx = { store, clock, seed, runner, informers, rng: new Rng(seed ^ 0x5bd1e995), recorder: new EventRecorder(store, clock, eventCapFor(informers.pods.size)) } as SimContext;
  const terminator = new GracefulPodTerminator(ctx);
  ctx.terminator = terminator;
  for (const controller of createControllers(ctx, terminator)) runner.add(controller);
  registerSimulation(store, { seed, clock });
  recordRecentHistory(ctx);
  runner.runPending();
  log.info({ nodes: summary.nodes, pods: informers.pods.size, namespaces: summary.namespaces.length, ms: Math.round(performance.now() - started) }, "demo cluster seeded");
  const timer = autoRun ? setInterval(() => runner.tick(clock.now()), opts.tickMs ?? 1000) : undefined;
  timer?.unref();
  return {
    summary,
    tick: () => runner.tick(clock.now()),
    settle: () => runner.runPending(),
    stop: () => {
      if (timer) clearInterval(timer);
      stopInformers(informers);
      unregisterSimulation(store);
    },
  };
}
