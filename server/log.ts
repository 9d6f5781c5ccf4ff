import pino from "pino";

// One logger for the process; the level comes from configuration at start-up.
export const log = pino({
  level: process.env.ORRERY_LOG_LEVEL ?? "info",
  base: { app: "orrery" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function setLogLevel(level: string): void {
  log.level = level;
}
