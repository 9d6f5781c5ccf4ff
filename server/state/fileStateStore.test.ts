import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { embedKeyKind } from "../embed/embedStore";
import { FileStateStore } from "./fileStateStore";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-state-"));
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

const keyOf = (fill: string) => Buffer.alloc(32, fill).toString("base64");

describe("FileStateStore", () => {
  test("keeps a document as an owner-only file the next process reads", async () => {
    await new FileStateStore(dataDir).document(embedKeyKind).update((stored) => stored || keyOf("a"));
    expect((await stat(path.join(dataDir, "embed-token.key"))).mode & 0o777).toBe(0o600);
    expect(new FileStateStore(dataDir).document(embedKeyKind).current()).toBe(keyOf("a"));
  });

  test("of two processes creating a document at once, both end up with the first one's", async () => {
    const [one, two] = [new FileStateStore(dataDir).document(embedKeyKind), new FileStateStore(dataDir).document(embedKeyKind)];
    await Promise.all([one.update((stored) => stored || keyOf("1")), two.update((stored) => stored || keyOf("2"))]);
    const stored = (await readFile(path.join(dataDir, "embed-token.key"), "utf8")).trim();
    expect([keyOf("1"), keyOf("2")]).toContain(stored);
    expect([one.current(), two.current()]).toEqual([stored, stored]);
  });
});
