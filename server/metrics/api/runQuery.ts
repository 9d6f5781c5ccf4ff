import { PromQLError } from "../promql/values";
import { promQLErrorOf } from "./promResponse";

/** The query's budget and the client's abort, as one signal, with the reason each ends in Prometheus's words. */
export interface QueryDeadline {
  signal: AbortSignal;
  dispose(): void;
}

export function queryDeadline(clientSignal: AbortSignal, timeoutMs: number): QueryDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new PromQLError("timeout", "query timed out in expression evaluation")), timeoutMs);
  const onClientGone = () => controller.abort(new PromQLError("canceled", "query was canceled in expression evaluation"));
  if (clientSignal.aborted) onClientGone();
  else clientSignal.addEventListener("abort", onClientGone, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      clientSignal.removeEventListener("abort", onClientGone);
    },
  };
}

/**
 * Runs one evaluation under a deadline: answers as soon as the deadline passes even if the engine has not
 * noticed yet, and turns an engine's abort into the deadline's own timeout or canceled error.
 */
export async function runUnderDeadline<T>(deadline: QueryDeadline, evaluate: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal } = deadline;
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
  // The abort promise must not be reported as unhandled when the evaluation wins.
  aborted.catch(() => undefined);
  try {
    return await Promise.race([evaluate(signal), aborted]);
  } catch (error) {
    const known = promQLErrorOf(error);
    if (signal.aborted && !(known && known.type !== "canceled")) throw signal.reason;
    throw error;
  } finally {
    deadline.dispose();
  }
}
