import { spawnSync } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { probeBatch, startMetricsServer, writeTokenFile, type MetricsServer } from "./harness/metricsServer";
import { noteOutcome } from "./harness/suiteContext";

// A real full disk: the data directory on a small tmpfs, filled to the last page. Mounting needs root with
// CAP_SYS_ADMIN (a privileged container); elsewhere the test is skipped and says why.
let dir: string;
let mountPoint: string;
let mountRefusal: string | undefined;
let server: MetricsServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orrery-fulldisk-"));
  mountPoint = path.join(dir, "disk");
  await mkdir(mountPoint);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", mountPoint], { encoding: "utf8" });
  if (mounted.status !== 0) mountRefusal = `cannot mount a tmpfs to fill (${(mounted.stderr || String(mounted.error)).trim()}); needs root with CAP_SYS_ADMIN`;
});

afterAll(async () => {
  await server?.orrery.stop();
  if (!mountRefusal) spawnSync("umount", [mountPoint]);
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file until the file system refuses with ENOSPC, in smaller pieces as it fills. */
function fill(file: string): number {
  const fd = openSync(file, "w");
  let written = 0;
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

// New series with long labels make a write-ahead log record far larger than the slack of a page.
const bigBatch = (t: number) => probeBatch("full_disk_probe", 2000, t, 0, { pad: "p".repeat(120) });

describe("a full disk while the metrics store appends", () => {
  test("remote write answers 500 with the reason, healthz is degraded, queries answer, and writes work again once there is room", async ({ task, skip }) => {
    if (mountRefusal) skip(mountRefusal);
    const token = await writeTokenFile(dir);
    server = await startMetricsServer(path.join(mountPoint, "data"), token);
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    expect((await server.write(probeBatch("before_full_probe", 3, t0, 7))).status).toBe(204);
    const filler = path.join(mountPoint, "filler");
    const filled = fill(filler);

    const refused = await server.write(bigBatch(t0 + 15_000));
    expect(refused.status).toBe(500);
    expect(refused.text).toMatch(/^storage error: write-ahead log write failed: ENOSPC .*the batch was not stored/);
    const degraded = await server.health();
    expect(degraded.status).toBe(200);
    expect(degraded.body).toEqual({ status: "degraded", problems: [expect.stringMatching(/^metrics store: write-ahead log write failed: ENOSPC/)] });
    const during = await server.prom("query", { query: "sum(before_full_probe)", time: String(t0 / 1000 + 30) });
    expect(during.body.data).toEqual({ resultType: "vector", result: [{ metric: {}, value: [t0 / 1000 + 30, String(7 + 8 + 9)] }] });
    // Nothing of the refused batch is readable.
    const half = await server.prom("query", { query: "count(full_disk_probe)", time: String(t0 / 1000 + 30) });
    expect(half.body.data).toEqual({ resultType: "vector", result: [] });
    expect((await server.prom("label/__name__/values", {})).body.data).toEqual(["before_full_probe"]);
    expect(server.orrery.child.exitCode).toBeNull();

    await rm(filler);
    const accepted = await server.write(bigBatch(t0 + 15_000));
    expect(accepted.status).toBe(204);
    expect((await server.health()).body).toEqual({ status: "ok" });
    const after = await server.prom("query", { query: "count(full_disk_probe)", time: String(t0 / 1000 + 30) });
    expect(after.body.data).toEqual({ resultType: "vector", result: [{ metric: {}, value: [t0 / 1000 + 30, "2000"] }] });
    expect(server.orrery.output()).toMatch(/"msg":"remote write refused".*ENOSPC|ENOSPC.*"msg":"remote write refused"/);
    noteOutcome(task, `filled ${filled} bytes; write ${refused.status} "${refused.text.trim().slice(0, 100)}"; healthz ${degraded.body.status}; after room: ${accepted.status}`);
  });

});
