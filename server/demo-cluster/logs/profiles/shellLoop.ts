import type { LogProfile } from "./types";
import { dateCommandTime } from "./timeFormats";

/** A busybox/alpine loop script: `while true; do date; echo ...; sleep 1; done`. */
export const shellLoopProfile: LogProfile = {
  name: "shell",
  language: "shell",
  startupLines: 1,
  startup() {
    return "starting worker loop";
  },
  steady({ rng, timeMs, index }) {
    if (index % 5 === 0) return dateCommandTime(timeMs);
    if (rng.chance(0.05)) return `WARN: queue backlog ${rng.int(100, 900)} items`;
    if (rng.chance(0.02)) return `ERROR: job ${rng.int(1000, 9999)} failed: exit status 1`;
    return `INFO: processed batch ${index} (${rng.int(1, 64)} items in ${rng.int(10, 900)}ms)`;
  },
  memoryWarning({ timeMs }, usedPercent) {
    return `WARN: ${dateCommandTime(timeMs)} memory usage ${usedPercent}% of limit`;
  },
  crash({ rng }) {
    return [`ERROR: job ${rng.int(1000, 9999)} failed: connection refused`, "sh: exiting with status 1"];
  },
  oomKilled() {
    return ["WARN: buffer still growing"];
  },
  shutdown() {
    return ["worker loop finished"];
  },
};
