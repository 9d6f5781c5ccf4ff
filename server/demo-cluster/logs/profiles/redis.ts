import type { LogProfile } from "./types";
import { redisTime } from "./timeFormats";

const banner = [
  ["C", "#", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"],
  ["C", "#", "Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started"],
  ["C", "#", "Configuration loaded"],
  ["M", "*", "monotonic clock: POSIX clock_gettime"],
  ["M", "*", "Running mode=standalone, port=6379."],
  ["M", "*", "Server initialized"],
  ["M", "*", "Loading RDB produced by version 7.2.5"],
  ["M", "*", "DB loaded from disk: 0.012 seconds"],
  ["M", "*", "Ready to accept connections tcp"],
] as const;

/** redis: pid:role timestamp marker message, with periodic background saves. */
export const redisProfile: LogProfile = {
  name: "redis",
  language: "c",
  startupLines: banner.length,
  startup({ index, timeMs }) {
    const [role, marker, text] = banner[index]!;
    return `1:${role} ${redisTime(timeMs)} ${marker} ${text}`;
  },
  steady({ rng, timeMs, index }) {
    const child = 20 + (Math.floor(index / 4) % 400);
    switch (index % 4) {
      case 0: return `1:M ${redisTime(timeMs)} * ${rng.pick([1, 10, 100, 10000])} changes in ${rng.pick([60, 300, 3600])} seconds. Saving...`;
      case 1: return `1:M ${redisTime(timeMs)} * Background saving started by pid ${child}`;
      case 2: return `${child}:C ${redisTime(timeMs)} * Fork CoW for RDB: current ${rng.int(0, 4)} MB, peak ${rng.int(1, 8)} MB, average ${rng.int(0, 3)} MB`;
      default: return `1:M ${redisTime(timeMs)} * Background saving terminated with success`;
    }
  },
  memoryWarning({ timeMs }, usedPercent) {
    return `1:M ${redisTime(timeMs)} # WARNING: used_memory is ${usedPercent}% of the container limit and maxmemory is not set; keys will not be evicted`;
  },
  crash({ timeMs }) {
    return [
      `1:M ${redisTime(timeMs)} # Wrong signature trying to load DB from file`,
      `1:M ${redisTime(timeMs)} # Fatal error loading the DB, check server logs. Exiting.`,
    ];
  },
  oomKilled({ timeMs }) {
    return [`1:M ${redisTime(timeMs)} # Can't save in background: fork: Cannot allocate memory`];
  },
  shutdown({ timeMs }) {
    return [
      `1:signal-handler (${Math.floor(timeMs / 1000)}) Received SIGTERM scheduling shutdown...`,
      `1:M ${redisTime(timeMs)} * User requested shutdown...`,
      `1:M ${redisTime(timeMs)} * Saving the final RDB snapshot before exiting.`,
      `1:M ${redisTime(timeMs)} * DB saved on disk`,
      `1:M ${redisTime(timeMs)} # Redis is now ready to exit, bye bye...`,
    ];
  },
};
