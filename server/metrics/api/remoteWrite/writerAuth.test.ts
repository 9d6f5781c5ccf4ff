import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Person } from "@/server/auth/person";
import { checkWriter, loadWriterRule } from "./writerAuth";

const agent: Person = { name: "agent", groups: ["metrics-writers"], via: "basic", readOnly: false };
const dev: Person = { name: "dev", groups: ["devs"], via: "session", readOnly: false };

function statusOf(run: () => void): number | "ok" {
  try {
    run();
    return "ok";
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("checkWriter", () => {
  test("with the receiver off, nobody writes: 401 without login, 404 saying how to turn it on with one", () => {
    expect(statusOf(() => checkWriter(undefined, null, null))).toBe(401);
    expect(() => checkWriter(undefined, agent, null)).toThrow(/--remote-write-receiver/);
  });

  test("a group rule admits its logged-in members only", () => {
    const rule = { kind: "group" as const, group: "metrics-writers" };
    expect(statusOf(() => checkWriter(rule, agent, null))).toBe("ok");
    expect(statusOf(() => checkWriter(rule, dev, null))).toBe(403);
    expect(statusOf(() => checkWriter(rule, { ...agent, readOnly: true }, null))).toBe(403);
    expect(statusOf(() => checkWriter(rule, null, null))).toBe(401);
  });

  test("a token rule admits the exact bearer token and nothing else, a logged-in person included", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-writer-"));
    await writeFile(path.join(dir, "token"), "s3cret-token-of-some-length\n");
    const rule = await loadWriterRule({ kind: "token-file", path: path.join(dir, "token") });
    expect(statusOf(() => checkWriter(rule, null, "Bearer s3cret-token-of-some-length"))).toBe("ok");
    expect(statusOf(() => checkWriter(rule, null, "Bearer s3cret-token-of-some-lengtH"))).toBe(401);
    expect(statusOf(() => checkWriter(rule, null, "Bearer s3cret"))).toBe(401);
    expect(statusOf(() => checkWriter(rule, agent, null))).toBe(401);
  });

  test("a missing or short token file stops start-up with the reason", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-writer-"));
    await writeFile(path.join(dir, "short"), "abc");
    await expect(loadWriterRule({ kind: "token-file", path: path.join(dir, "none") })).rejects.toThrow(/cannot be read: ENOENT/);
    await expect(loadWriterRule({ kind: "token-file", path: path.join(dir, "short") })).rejects.toThrow(/at least 16 characters/);
  });
});
