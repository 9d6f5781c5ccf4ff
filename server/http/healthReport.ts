/** What /api/healthz answers; problems appear only when the metrics store has some. */
export interface HealthReport {
  status: "ok" | "syncing" | "degraded";
  problems?: string[];
}

/**
 * Readiness stays about the cluster cache (503 until it has synced); a damaged or failing metrics store does
 * not make the process unready, it makes the body say "degraded" so probes keep it and operators see why.
 */
export function healthReport(cacheSynced: boolean, storeProblems: readonly string[]): { status: number; body: HealthReport } {
  const problems = storeProblems.map((p) => `metrics store: ${p}`);
  const status = !cacheSynced ? "syncing" : problems.length > 0 ? "degraded" : "ok";
  const body: HealthReport = problems.length > 0 ? { status, problems } : { status };
  return { status: cacheSynced ? 200 : 503, body };
}
