import type { KubeObject } from "@/server/kube/types";
import { log } from "@/server/log";
import { parseTimestamp, toTimestamp } from "../clock";
import type { SimContext } from "../context";
import { buildCronJobJob, type Job, jobOutcome } from "../objects/jobs";
import { controllerOf, keyOf } from "../objects/meta";
import type { Controller } from "../runner";
import { TimerQueue } from "../timerQueue";
import { latestScheduleBetween, nextScheduleAfter, parseCron, type CronSchedule } from "./cron";
import { writeStatus } from "./helpers";

const source = { component: "cronjob-controller" };

interface CronJobSpec {
  schedule: string;
  suspend?: boolean;
  concurrencyPolicy?: "Allow" | "Forbid" | "Replace";
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
}

const jobRef = (job: KubeObject) => ({ kind: "Job", namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: "batch/v1" });

/** Starts a Job at each scheduled minute, tracks the active ones and trims the finished history. */
export class CronJobController implements Controller {
  readonly name = "cronjob";
  private readonly timers = new TimerQueue();
  private readonly schedules = new Map<string, { text: string; parsed: CronSchedule | Error }>();

  constructor(private readonly ctx: SimContext) {
    const { cronJobs, jobs } = ctx.informers;
    cronJobs.onChange((type, cj) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(cj));
      else this.timers.cancel(keyOf(cj));
    });
    jobs.onChange((_type, job) => {
      const owner = controllerOf(job);
      if (owner?.kind === "CronJob") ctx.runner.enqueue(this.name, `${job.metadata.namespace}/${owner.name}`);
    });
    for (const key of cronJobs.keys()) ctx.runner.enqueue(this.name, key);
  }

  tick(now: number): void {
    for (const key of this.timers.popDue(now)) this.ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    const cronJob = this.ctx.informers.cronJobs.getByKey(key);
    if (!cronJob || cronJob.metadata.deletionTimestamp) return;
    const spec = cronJob.spec as CronJobSpec;
    const schedule = this.scheduleOf(key, spec.schedule);
    if (schedule instanceof Error) return log.debug({ cronJob: key, err: schedule }, "demo cronjob has an invalid schedule");
    const now = this.ctx.clock.now();
    const jobs = this.ctx.informers.jobs.byIndex("owner", cronJob.metadata.uid ?? "") as Job[];
    this.reportFinished(cronJob, jobs);
    let lastSchedule = parseTimestamp((cronJob.status as { lastScheduleTime?: string } | undefined)?.lastScheduleTime);
    const due = latestScheduleBetween(schedule, lastSchedule ?? parseTimestamp(cronJob.metadata.creationTimestamp) ?? now, now);
    if (due !== undefined && !spec.suspend && this.mayStart(cronJob, spec, jobs, due, now)) {
      this.startJob(cronJob, due, now);
      lastSchedule = due;
    }
    this.trimHistory(cronJob, spec);
    this.updateStatus(key, lastSchedule);
    const next = nextScheduleAfter(schedule, now);
    if (next !== undefined) this.timers.schedule(key, next);
  }

  private scheduleOf(key: string, text: string): CronSchedule | Error {
    const cached = this.schedules.get(key);
    if (cached?.text === text) return cached.parsed;
    let parsed: CronSchedule | Error;
    try {
      parsed = parseCron(text);
    } catch (error) {
      parsed = error as Error;
    }
    this.schedules.set(key, { text, parsed });
    return parsed;
  }

  private mayStart(cronJob: KubeObject, spec: CronJobSpec, jobs: Job[], due: number, now: number): boolean {
    if (spec.startingDeadlineSeconds !== undefined && now - due > spec.startingDeadlineSeconds * 1000) return false;
    const active = jobs.filter((j) => !jobOutcome(j) && !j.metadata.deletionTimestamp);
    if (active.length === 0 || spec.concurrencyPolicy === undefined || spec.concurrencyPolicy === "Allow") return true;
    if (spec.concurrencyPolicy === "Forbid") {
      this.ctx.recorder.record(cronJob, { type: "Normal", reason: "JobAlreadyActive", message: "Not starting job because prior execution is running and concurrency policy is Forbid", source });
      return false;
    }
    for (const job of active) {
      this.ctx.store.delete("batch/jobs", job.metadata.namespace, job.metadata.name);
      this.ctx.recorder.record(cronJob, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted job ${job.metadata.name}`, source });
    }
    return true;
  }

  private startJob(cronJob: KubeObject, due: number, now: number): void {
    const job = buildCronJobJob(cronJob, due, now);
    if (this.ctx.store.get("batch/jobs", job.metadata.namespace, job.metadata.name)) return;
    this.ctx.store.create("batch/jobs", job);
    this.ctx.recorder.record(cronJob, { type: "Normal", reason: "SuccessfulCreate", message: `Created job ${job.metadata.name}`, source });
  }

  /** SawCompletedJob once per finished Job that the status still lists as active. */
  private reportFinished(cronJob: KubeObject, jobs: Job[]): void {
    const listed = new Set(((cronJob.status as { active?: { name: string }[] } | undefined)?.active ?? []).map((r) => r.name));
    for (const job of jobs) {
      const outcome = jobOutcome(job);
      if (outcome && listed.has(job.metadata.name)) {
        this.ctx.recorder.record(cronJob, { type: "Normal", reason: "SawCompletedJob", message: `Saw completed job: ${job.metadata.name}, condition: ${outcome}`, source });
      }
    }
  }

  private trimHistory(cronJob: KubeObject, spec: CronJobSpec): void {
    const jobs = this.ctx.informers.jobs.byIndex("owner", cronJob.metadata.uid ?? "") as Job[];
    const byAge = (a: Job, b: Job) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "") || a.metadata.name.localeCompare(b.metadata.name);
    const trim = (outcome: string, limit: number) => {
      const finished = jobs.filter((j) => jobOutcome(j) === outcome && !j.metadata.deletionTimestamp).sort(byAge);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
        this.ctx.store.delete("batch/jobs", job.metadata.namespace, job.metadata.name);
        this.ctx.recorder.record(cronJob, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted job ${job.metadata.name}`, source });
      }
    };
    trim("Complete", spec.successfulJobsHistoryLimit ?? 3);
    trim("Failed", spec.failedJobsHistoryLimit ?? 1);
  }

  private updateStatus(key: string, lastSchedule: number | undefined): void {
    const cronJob = this.ctx.informers.cronJobs.getByKey(key)!;
    const jobs = this.ctx.informers.jobs.byIndex("owner", cronJob.metadata.uid ?? "") as Job[];
    const active = jobs.filter((j) => !jobOutcome(j)).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const succeeded = jobs.map((j) => (jobOutcome(j) === "Complete" ? parseTimestamp(j.status?.completionTime) : undefined)).filter((t): t is number => t !== undefined);
    const previous = (cronJob.status ?? {}) as { lastSuccessfulTime?: string };
    const lastSuccess = succeeded.length > 0 ? toTimestamp(Math.max(...succeeded)) : previous.lastSuccessfulTime;
    writeStatus(this.ctx, "batch/cronjobs", cronJob, {
      ...(active.length > 0 ? { active: active.map(jobRef) } : {}),
      ...(lastSchedule !== undefined ? { lastScheduleTime: toTimestamp(lastSchedule) } : {}),
      ...(lastSuccess ? { lastSuccessfulTime: lastSuccess } : {}),
    });
  }
}
