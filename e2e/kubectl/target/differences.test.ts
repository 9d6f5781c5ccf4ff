import { describe, expect, test } from "vitest";
import type { KubectlTarget } from "./target";
import { conforms, differences, differencesTable } from "./differences";

const on = (name: "demo" | "real") => ({ name }) as KubectlTarget;
const passing = async () => undefined;
const failing = async () => {
  throw new Error("expectation failed");
};

describe("conforms", () => {
  test("runs the expectation as is where no difference names it", async () => {
    await expect(conforms(on("real"), "getAll.order", failing)).rejects.toThrow("expectation failed");
    await expect(conforms(on("real"), "getAll.order", passing)).resolves.toBeUndefined();
  });

  test("requires a demo-bug or kwok-gap expectation to still fail on its target", async () => {
    await expect(conforms(on("real"), "exec.stdinEof", failing)).resolves.toBeUndefined();
    await expect(conforms(on("real"), "exec.stdinEof", passing)).rejects.toThrow('difference "exec.stdinEof" no longer holds on real');
  });

  test("a fixture difference does not turn the expectation around", async () => {
    await expect(conforms(on("real"), "crashLoop", failing)).rejects.toThrow("expectation failed");
  });
});

test("every difference has a unique id per target and a reason; the table lists them all", () => {
  const keys = differences.map((d) => `${d.target}/${d.id}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const d of differences) expect(d.reason.length, d.id).toBeGreaterThan(40);
  const table = differencesTable("real");
  for (const d of differences) expect(table).toContain(d.id);
  expect(table.split("\n").filter((line) => line.startsWith("* "))).toHaveLength(differences.filter((d) => d.target === "real").length);
});
