import type { KubeObject } from "@/server/kube/types";
import { parseTimestamp } from "../clock";
import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { type Job, jobLabels, jobOutcome } from "../objects/jobs";
import { controllerOf, keyOf } from "../objects/meta";
import type { Pod } from "../objects/types";
import type { Controller } from "../runner";
import { TimerQueue } from "../timerQueue";
import { createOwnedPod, writeStatus } from "./helpers";
import { finishedConditions, jobStatus, type JobCounts } from "./jobStatus";

const source = { component: "job-controller" };
const phaseOf = (p: KubeObject) => (p as Pod).status?.phase;

/** The pod-failure backoff: 10s doubling per failure, at most 6 minutes. */
const failureBackoffMs = (failed: number) => Math.min(10_000 * 2 ** Math.max(0, failed - 1), 360_000);

function countPods(job: Job, pods: KubeObject[]): JobCounts {
  const running = pods.filter((p) => !p.metadata.deletionTimestamp && phaseOf(p) !== "Succeeded" && phaseOf(p) !== "Failed");
  return {
    active: running.length,
    ready: running.filter((p) => isPodReady(p as Pod)).length,
    succeeded: Math.max(Number(job.status?.succeeded ?? 0), pods.filter((p) => phaseOf(p) === "Succeeded").length),
    failed: Math.max(Number(job.status?.failed ?? 0), pods.filter((p) => phaseOf(p) === "Failed").length),
    terminating: pods.filter((p) => p.metadata.deletionTimestamp).length,
  };
}

/** Runs a Job's pods until enough succeed, retrying failures with backoff up to backoffLimit. */
export class JobController implements Controller {
  readonly name = "job";
  private readonly timers = new TimerQueue();

  constructor(private readonly ctx: SimContext) {
    const { jobs, pods } = ctx.informers;
    jobs.onChange((type, job) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(job));
      else this.timers.cancel(keyOf(job));
    });
    pods.onChange((_type, pod) => {
      const owner = controllerOf(pod);
      if (owner?.kind === "Job") ctx.runner.enqueue(this.name, `${pod.metadata.namespace}/${owner.name}`);
    });
    for (const key of jobs.keys()) ctx.runner.enqueue(this.name, key);
  }

  tick(now: number): void {
    for (const key of this.timers.popDue(now)) this.ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    const job = this.ctx.informers.jobs.getByKey(key) as Job | undefined;
    if (!job || job.metadata.deletionTimestamp) return;
    if (!job.spec.selector && !job.spec.manualSelector) return this.defaultSelector(job);
    const now = this.ctx.clock.now();
    const pods = this.ctx.informers.pods.byIndex("owner", job.metadata.uid ?? "");
    const counts = countPods(job, pods);
    if (jobOutcome(job)) return this.expireFinished(job, now);
    const completions = job.spec.completions ?? 1;
    const deadline = job.spec.activeDeadlineSeconds;
    const started = parseTimestamp(job.status?.startTime) ?? now;
    if (counts.failed > (job.spec.backoffLimit ?? 6)) return this.finish(job, pods, counts, "Failed", "BackoffLimitExceeded", now);
    if (deadline !== undefined && now - started > deadline * 1000) return this.finish(job, pods, counts, "Failed", "DeadlineExceeded", now);
    if (counts.succeeded >= completions) return this.finish(job, pods, counts, "Complete", "CompletionsReached", now);
    if (!job.spec.suspend) this.startPods(job, pods, counts, now);
    writeStatus(this.ctx, "batch/jobs", job, jobStatus(job, countPods(job, this.ctx.informers.pods.byIndex("owner", job.metadata.uid ?? "")), now));
  }

  /** What the apiserver does on create: select the Job's pods by its uid. */
  private defaultSelector(job: Job): void {
    const labels = jobLabels(job.metadata.uid ?? "", job.metadata.name);
    this.ctx.store.mutate("batch/jobs", job.metadata.namespace, job.metadata.name, (draft) => {
      const spec = (draft as Job).spec;
      spec.selector = { matchLabels: { [Object.keys(labels)[0]!]: job.metadata.uid ?? "" } };
      spec.template.metadata = { ...spec.template.metadata, labels: { ...spec.template.metadata?.labels, ...labels } };
    });
  }

  private startPods(job: Job, pods: KubeObject[], counts: JobCounts, now: number): void {
    const wanted = Math.min(job.spec.parallelism ?? 1, (job.spec.completions ?? 1) - counts.succeeded) - counts.active;
    if (wanted <= 0) return;
    if (counts.failed > 0) {
      const lastFailure = Math.max(...pods.filter((p) => phaseOf(p) === "Failed").map((p) => finishedAt(p as Pod)), 0);
      const retryAt = lastFailure + failureBackoffMs(counts.failed);
      if (retryAt > now) return this.timers.schedule(keyOf(job), retryAt);
    }
    for (let i = 0; i < wanted; i++) {
      const pod = createOwnedPod(this.ctx, { owner: job, template: job.spec.template });
      this.ctx.recorder.record(job, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, source });
    }
  }

  private finish(job: Job, pods: KubeObject[], counts: JobCounts, outcome: "Complete" | "Failed", reason: string, now: number): void {
    for (const pod of pods) if (!pod.metadata.deletionTimestamp && phaseOf(pod) !== "Succeeded" && phaseOf(pod) !== "Failed") this.ctx.terminator.terminate(pod);
    writeStatus(this.ctx, "batch/jobs", job, jobStatus(job, { ...counts, active: 0, ready: 0 }, now, finishedConditions(outcome, reason, now)));
    if (outcome === "Complete") this.ctx.recorder.record(job, { type: "Normal", reason: "Completed", message: "Job completed", source });
    else this.ctx.recorder.record(job, { type: "Warning", reason, message: finishedConditions(outcome, reason, now)[1]!.message!, source });
    this.expireFinished(job, now);
  }

  /** ttlSecondsAfterFinished: the TTL controller deletes finished Jobs (and through GC, their pods). */
  private expireFinished(job: Job, now: number): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl === undefined) return;
    const current = this.ctx.informers.jobs.getByKey(keyOf(job)) as Job;
    const done = current.status?.conditions?.find((c) => c.type === "Complete" || c.type === "Failed");
    const expiresAt = (parseTimestamp(done?.lastTransitionTime) ?? now) + ttl * 1000;
    if (expiresAt > now) return this.timers.schedule(keyOf(job), expiresAt);
    this.ctx.store.delete("batch/jobs", job.metadata.namespace, job.metadata.name);
  }
}

function finishedAt(pod: Pod): number {
  const times = (pod.status?.containerStatuses ?? []).map((s) => parseTimestamp(s.state.terminated?.finishedAt) ?? 0);
  return Math.max(0, ...times);
}
