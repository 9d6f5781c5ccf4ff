import type { LogProfile } from "./types";
import { isoSpace } from "./timeFormats";

const stamp = (ms: number, pid: number) => `${isoSpace(ms)} UTC [${pid}]`;
const banner = [
  "LOG:  starting PostgreSQL 16.3 (Debian 16.3-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
  'LOG:  listening on IPv4 address "0.0.0.0", port 5432',
  'LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
  "LOG:  database system was shut down at {time} UTC",
  "LOG:  database system is ready to accept connections",
];

/** PostgreSQL: checkpoints, autovacuum, the odd slow query or client error. */
export const postgresProfile: LogProfile = {
  name: "postgres",
  language: "c",
  startupLines: banner.length,
  startup({ index, timeMs }) {
    return `${stamp(timeMs, 1)} ${banner[index]!.replace("{time}", isoSpace(timeMs - 90_000).slice(0, 19))}`;
  },
  steady({ rng, timeMs }) {
    const roll = rng.next();
    if (roll < 0.35) return `${stamp(timeMs, 27)} LOG:  checkpoint starting: time`;
    if (roll < 0.7) {
      return `${stamp(timeMs, 27)} LOG:  checkpoint complete: wrote ${rng.int(3, 900)} buffers (${rng.int(0, 9)}.${rng.int(0, 9)}%); 0 WAL file(s) added, 0 removed, ${rng.int(0, 2)} recycled; write=${rng.int(1, 270)}.${rng.int(100, 999)} s, sync=0.0${rng.int(10, 99)} s, total=${rng.int(1, 270)}.${rng.int(100, 999)} s`;
    }
    if (roll < 0.85) return `${stamp(timeMs, rng.int(100, 9000))} LOG:  automatic vacuum of table "shop.public.orders": index scans: ${rng.int(0, 2)}`;
    if (roll < 0.95) return `${stamp(timeMs, rng.int(100, 9000))} LOG:  duration: ${rng.int(500, 4000)}.${rng.int(100, 999)} ms  statement: SELECT * FROM orders WHERE customer_id = ${rng.int(1, 99999)} ORDER BY created_at DESC`;
    return `${stamp(timeMs, rng.int(100, 9000))} ERROR:  duplicate key value violates unique constraint "orders_pkey"`;
  },
  memoryWarning({ rng, timeMs }, usedPercent) {
    return `${stamp(timeMs, rng.int(100, 9000))} WARNING:  out of shared memory soon: ${usedPercent}% of the container memory limit in use by work_mem allocations`;
  },
  crash({ timeMs }) {
    return [
      `${stamp(timeMs, 1)} PANIC:  could not write to file "pg_wal/xlogtemp.1": No space left on device`,
      `${stamp(timeMs, 1)} LOG:  startup process (PID 27) was terminated by signal 6: Aborted`,
      `${stamp(timeMs, 1)} LOG:  aborting startup due to startup process failure`,
      `${stamp(timeMs, 1)} LOG:  database system is shut down`,
    ];
  },
  oomKilled({ timeMs }) {
    return [`${stamp(timeMs, 1)} LOG:  server process (PID 4211) was terminated by signal 9: Killed`];
  },
  shutdown({ timeMs }) {
    return [
      `${stamp(timeMs, 1)} LOG:  received fast shutdown request`,
      `${stamp(timeMs, 1)} LOG:  aborting any active transactions`,
      `${stamp(timeMs, 27)} LOG:  shutting down`,
      `${stamp(timeMs, 1)} LOG:  database system is shut down`,
    ];
  },
};
