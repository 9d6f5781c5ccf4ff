import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { RevocationList } from "./revocationList";
import { TestClock } from "./testing/fixtures";

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "orrery-revoked-")), "ended-sessions.json");
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

  test("survives a restart through its file (mode 0600)", () => {
    const clock = new TestClock();
    const file = tempFile();
    new RevocationList(file, clock.now).revoke("session-aaaaaaaaaaaa", clock.time + 60_000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = new RevocationList(file, clock.now);
    expect(restarted.isRevoked("session-aaaaaaaaaaaa")).toBe(true);
  });

  test("drops entries that can no longer matter", () => {
    const clock = new TestClock();
    const file = tempFile();
    const list = new RevocationList(file, clock.now);
    list.revoke("old-session-aaaaaaaa", clock.time + 1_000);
    clock.advance(2_000);
    list.revoke("new-session-bbbbbbbb", clock.time + 1_000);
    expect(list.size).toBe(1);
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { revoked: object }).revoked)).toEqual(["new-session-bbbbbbbb"]);
  });

  test("starts empty, not broken, from a damaged file", () => {
    const file = tempFile();
    writeFileSync(file, "{not json");
    const list = new RevocationList(file);
    expect(list.isRevoked("x")).toBe(false);
    list.revoke("session-aaaaaaaaaaaa", Date.now() + 1_000);
    expect(new RevocationList(file).isRevoked("session-aaaaaaaaaaaa")).toBe(true);
  });
});
