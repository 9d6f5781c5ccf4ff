import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import { defaultPodSpec } from "./defaults";
import { controllerRefTo } from "./meta";
import type { Condition, PodTemplate } from "./types";

export interface JobSpec {
  parallelism?: number;
  completions?: number | null;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  manualSelector?: boolean;
  suspend?: boolean;
  selector?: { matchLabels?: Record<string, string> };
  template: PodTemplate;
  [field: string]: unknown;
}

export interface Job extends KubeObject {
  spec: JobSpec;
  status?: { conditions?: Condition[]; startTime?: string; completionTime?: string; active?: number; succeeded?: number; failed?: number; [k: string]: unknown };
}

export const JOB_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

/** The labels the apiserver gives a Job's selector and pod template (new and legacy keys). */
export function jobLabels(uid: string, name: string): Record<string, string> {
  return { [JOB_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, "controller-uid": uid, "job-name": name };
}

/** The apiserver's defaults for a Job spec. */
export function defaultJobSpec(spec: JobSpec): JobSpec {
  const parallelism = spec.parallelism ?? 1;
  return {
    ...spec,
    parallelism,
    completions: spec.completions === undefined ? 1 : spec.completions,
    backoffLimit: spec.backoffLimit ?? 6,
    completionMode: spec.completionMode ?? "NonIndexed",
    suspend: spec.suspend ?? false,
    podReplacementPolicy: spec.podReplacementPolicy ?? "TerminatingOrFailed",
    manualSelector: spec.manualSelector,
    template: { ...spec.template, spec: defaultPodSpec({ ...spec.template.spec, restartPolicy: spec.template.spec.restartPolicy ?? "Never" }) },
  };
}

/** Whether the Job has finished, and how. */
export function jobOutcome(job: Job): "Complete" | "Failed" | undefined {
  const done = job.status?.conditions?.find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
  return done?.type as "Complete" | "Failed" | undefined;
}

interface CronJobTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: JobSpec;
}

/** The Job a CronJob starts for one scheduled time: named after the scheduled minute, like the real controller. */
export function buildCronJobJob(cronJob: KubeObject, scheduledMs: number, createdMs: number): Job {
  const template = (cronJob.spec as { jobTemplate: CronJobTemplate }).jobTemplate;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: `${cronJob.metadata.name}-${Math.floor(scheduledMs / 60_000)}`,
      namespace: cronJob.metadata.namespace,
      creationTimestamp: toTimestamp(createdMs),
      labels: { ...template.metadata?.labels },
      annotations: { ...template.metadata?.annotations, "batch.kubernetes.io/cronjob-scheduled-timestamp": toTimestamp(scheduledMs) },
      ownerReferences: [controllerRefTo(cronJob)],
    },
    spec: defaultJobSpec(template.spec),
  };
}
