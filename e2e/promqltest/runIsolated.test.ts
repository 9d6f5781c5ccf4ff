import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runScriptIsolated } from "./runIsolated";

describe("runScriptIsolated", () => {
  test("runs a script file in a worker and reports every case, unreadable lines included", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "promqltest-"));
    writeFileSync(path.join(dir, "one.test"), "load 1m\n  m 1 2\n\neval instant at 1m m\n  m 2\n\nbogus line\n");
    const run = await runScriptIsolated(dir, "one.test", { timeoutMs: 5_000, maxSamples: 10_000 });
    expect(run.cases.map((c) => [c.line, c.failure])).toEqual([
      [7, 'cannot read the script: invalid command "bogus line"'],
      [4, null],
    ]);
  });
});
