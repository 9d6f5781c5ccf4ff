import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { FileStateStore } from "../state/fileStateStore";
import { RevocationList } from "./revocationList";
import { TestClock } from "./testing/fixtures";

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "orrery-revoked-")), "ended-sessions.json");
}

// A fresh store each time, as a restarted process has.
function listIn(file: string, now?: () => number): RevocationList {
  return new RevocationList(new FileStateStore(path.dirname(file)), now);
}

describe("RevocationList", () => {
  test("refuses a revoked session until its absolute end", () => {
    const clock = new TestClock();
    const list = new RevocationList(undefined, clock.now);
    list.revoke("session-aaaaaaaaaaaa", clock.time + 1_000);
    expect(list.isRevoked("session-aaaaaaaaaaaa")).toBe(true);
    expect(list.isRevoked("session-bbbbbbbbbbbb")).toBe(false);
    clock.advance(1_000);
    expect(list.isRevoked("session-aaaaaaaaaaaa")).toBe(false);
  });

  test("survives a restart through its file (mode 0600)", async () => {
    const clock = new TestClock();
    const file = tempFile();
    const list = listIn(file, clock.now);
    list.revoke("session-aaaaaaaaaaaa", clock.time + 60_000);
    await list.flush();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = listIn(file, clock.now);
    expect(restarted.isRevoked("session-aaaaaaaaaaaa")).toBe(true);
  });

  test("drops entries that can no longer matter", async () => {
    const clock = new TestClock();
    const file = tempFile();
    const list = listIn(file, clock.now);
    list.revoke("old-session-aaaaaaaa", clock.time + 1_000);
    clock.advance(2_000);
    list.revoke("new-session-bbbbbbbb", clock.time + 1_000);
    await list.flush();
    expect(list.size).toBe(1);
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { revoked: object }).revoked)).toEqual(["new-session-bbbbbbbb"]);
  });

  test("starts empty, not broken, from a damaged file", async () => {
    const file = tempFile();
    writeFileSync(file, "{not json");
    const list = listIn(file);
    expect(list.isRevoked("x")).toBe(false);
    list.revoke("session-aaaaaaaaaaaa", Date.now() + 1_000);
    await list.flush();
    expect(listIn(file).isRevoked("session-aaaaaaaaaaaa")).toBe(true);
  });
});
