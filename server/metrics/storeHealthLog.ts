import { log } from "../log";

const checkEveryMs = 5_000;

/** Logs when the store's problems change (a full disk, a failing checkpoint, and when they clear), not once per failed write. */
export function watchStoreHealth(problems: () => string[], atStart: readonly string[], everyMs = checkEveryMs): () => void {
  let last = atStart.join("\n");
  const timer = setInterval(() => {
    const now = problems();
    const text = now.join("\n");
    if (text === last) return;
    last = text;
    if (now.length > 0) log.warn({ problems: now }, "metrics store degraded");
    else log.info("metrics store healthy again");
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
