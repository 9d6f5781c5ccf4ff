import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "./harness/freePort";
import { runOrreryToExit, startOrrery } from "./harness/orreryProcess";
import { noteOutcome, suite, user } from "./harness/suiteContext";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-listen-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// These start the server on 0.0.0.0 briefly; requests go to 127.0.0.1 only.
describe("listening beyond loopback", () => {
  test("0.0.0.0 without login is refused with one line", async ({ task }) => {
    const port = await freePort();
    const { code, stdout, stderr } = await runOrreryToExit(["--demo", "--host", "0.0.0.0", "--port", String(port), "--data-dir", dataDir]);
    noteOutcome(task, `exit ${code}: ${stderr.trim()}`);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^orrery: refusing to listen on 0\.0\.0\.0 without login: .*--insecure-no-auth/)]);
  });

  test("0.0.0.0 with basic login starts, asks for login, and warns once about plain http", async ({ task }) => {
    const port = await freePort();
    const orrery = await startOrrery(["--demo", "--host", "0.0.0.0", "--port", String(port), "--auth", "basic", "--users-file", suite().usersFile, "--data-dir", dataDir]);
    try {
      const base = `http://127.0.0.1:${port}`;
      const anonymous = await fetch(`${base}/api/resources/pods/shop/absent`);
      const basic = await fetch(`${base}/api/resources/pods/shop/absent`, { headers: { authorization: `Basic ${Buffer.from(`alice:${user("alice").password}`).toString("base64")}` } });
      const warnings = orrery.output().split("\n").filter((line) => line.includes("plain http"));
      noteOutcome(task, `anonymous ${anonymous.status}, basic ${basic.status}, warnings ${warnings.length}`);
      expect(anonymous.status).toBe(401);
      expect(basic.status).toBe(404);
      expect(warnings).toHaveLength(1);
    } finally {
      await orrery.stop();
    }
  });
});
