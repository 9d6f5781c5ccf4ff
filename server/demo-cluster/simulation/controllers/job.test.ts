import { describe, expect, test } from "vitest";
import type { Job } from "../objects/jobs";
import { startHarness } from "../testHarness";

const conditionTypes = (job: Job | undefined) => (job?.status?.conditions ?? []).filter((c) => c.status === "True").map((c) => c.type);

describe("job and cronjob controllers", () => {
  test("the report CronJob starts a Job every minute that completes, keeping three", () => {
    const h = startHarness();
    const reportJobs = () => h.store.list("batch/jobs", "batch").filter((j) => j.metadata.name.startsWith("report-")) as Job[];
    expect(reportJobs().length).toBeGreaterThanOrEqual(1);
    h.advance(5 * 60_000, 2_000);
    const jobs = reportJobs();
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs.length).toBeLessThanOrEqual(4);
    const done = jobs.filter((j) => conditionTypes(j).includes("Complete"));
    expect(done.length).toBe(3);
    for (const job of done) {
      expect(job.status).toMatchObject({ succeeded: 1 });
      expect(job.status?.completionTime).toBeDefined();
      expect(job.metadata.name).toMatch(/^report-\d+$/);
      expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: "CronJob", name: "report" });
      expect(job.spec.selector?.matchLabels?.["batch.kubernetes.io/controller-uid"]).toBe(job.metadata.uid);
    }
    const cronJob = h.store.get("batch/cronjobs", "batch", "report")!;
    expect((cronJob.status as { lastSuccessfulTime?: string }).lastSuccessfulTime).toBeDefined();
    const reasons = h.store.list("events", "batch").map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(["SuccessfulCreate", "SawCompletedJob", "Completed", "SuccessfulDelete"]));
    const pods = h.store.list("pods", "batch").filter((p) => p.metadata.name.startsWith("report-"));
    expect(pods.every((p) => jobs.some((j) => j.metadata.uid === p.metadata.ownerReferences?.[0]?.uid))).toBe(true);
  });

  test("db-migrate fails until its backoffLimit and then reports BackoffLimitExceeded", () => {
    const h = startHarness();
    const job = () => h.store.get("batch/jobs", "batch", "db-migrate") as Job;
    h.advanceUntil(() => conditionTypes(job()).includes("Failed"), 5 * 60_000, 1_000);
    expect(job().status).toMatchObject({ failed: 4 });
    expect(job().status?.conditions?.find((c) => c.type === "Failed")?.reason).toBe("BackoffLimitExceeded");
    const pods = h.store.list("pods", "batch").filter((p) => p.metadata.name.startsWith("db-migrate-"));
    expect(pods).toHaveLength(4);
    for (const pod of pods) expect((pod.status as { phase: string }).phase).toBe("Failed");
    expect(h.store.list("events", "batch").some((e) => e.reason === "BackoffLimitExceeded" && e.type === "Warning")).toBe(true);
  });
});
