import { parseTimestamp, toTimestamp } from "../clock";
import type { Job } from "../objects/jobs";
import type { Condition } from "../objects/types";

export interface JobCounts {
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
}

function jobCondition(type: string, reason: string, message: string, at: number): Condition {
  const time = toTimestamp(at);
  return { type, status: "True", lastProbeTime: time, lastTransitionTime: time, reason, message };
}

/** Conditions of a Job that just finished, in the order the real controller adds them. */
export function finishedConditions(outcome: "Complete" | "Failed", reason: string, at: number): Condition[] {
  if (outcome === "Complete") {
    const message = "Reached expected number of succeeded pods";
    return [jobCondition("SuccessCriteriaMet", reason, message, at), jobCondition("Complete", reason, message, at)];
  }
  const message = reason === "DeadlineExceeded" ? "Job was active longer than specified deadline" : "Job has reached the specified backoff limit";
  return [jobCondition("FailureTarget", reason, message, at), jobCondition("Failed", reason, message, at)];
}

/** A Job's status: counts always, conditions and completion time once it has finished. */
export function jobStatus(job: Job, counts: JobCounts, now: number, finished?: Condition[]): Record<string, unknown> {
  const conditions = finished ?? job.status?.conditions;
  const complete = finished?.some((c) => c.type === "Complete");
  return {
    ...(conditions?.length ? { conditions } : {}),
    startTime: job.status?.startTime ?? toTimestamp(parseTimestamp(job.metadata.creationTimestamp) ?? now),
    ...(complete ? { completionTime: toTimestamp(now) } : job.status?.completionTime ? { completionTime: job.status.completionTime } : {}),
    ...(counts.active > 0 ? { active: counts.active } : {}),
    ...(counts.succeeded > 0 ? { succeeded: counts.succeeded } : {}),
    ...(counts.failed > 0 ? { failed: counts.failed } : {}),
    terminating: counts.terminating,
    uncountedTerminatedPods: {},
    ready: counts.ready,
  };
}
