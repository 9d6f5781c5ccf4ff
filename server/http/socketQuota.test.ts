import { describe, expect, test } from "vitest";
import type { Person } from "../auth/person";
import { SocketQuota } from "./socketQuota";

const person = (name: string, extra: Partial<Person> = {}): Person => ({ name, groups: [], via: "session", readOnly: false, ...extra });
const embed = (tokenId: string, madeBy = "alice"): Person => person(madeBy, { via: "embed", readOnly: true, scope: "/pods", sessionId: `embed:${tokenId}` });

describe("SocketQuota", () => {
  test("refuses a person's socket over the cap, naming them and the cap", () => {
    const quota = new SocketQuota({ perPerson: 2, perEmbedToken: 1 }, "shells");
    expect(quota.take(person("alice")).ok).toBe(true);
    expect(quota.take(person("alice", { via: "basic" })).ok).toBe(true);
    const third = quota.take(person("alice"));
    expect(third).toEqual({ ok: false, message: expect.stringMatching(/^alice already has 2 open shells/) });
    expect(quota.take(person("bob")).ok).toBe(true);
  });

  test("a released slot can be taken again, and releasing twice frees only one", () => {
    const quota = new SocketQuota({ perPerson: 2, perEmbedToken: 1 }, "shells");
    const first = quota.take(person("alice"));
    const second = quota.take(person("alice"));
    if (!first.ok || !second.ok) throw new Error("expected both slots");
    first.release();
    first.release();
    expect(quota.count(person("alice"))).toBe(1);
    expect(quota.take(person("alice")).ok).toBe(true);
    expect(quota.take(person("alice")).ok).toBe(false);
    second.release();
    expect(quota.count(person("alice"))).toBe(1);
  });

  test("an embed token has its own cap, apart from its maker's and from other tokens", () => {
    const quota = new SocketQuota({ perPerson: 1, perEmbedToken: 2 }, "live connections");
    expect(quota.take(person("alice")).ok).toBe(true);
    expect(quota.take(embed("t1")).ok).toBe(true);
    expect(quota.take(embed("t1")).ok).toBe(true);
    expect(quota.take(embed("t1"))).toEqual({ ok: false, message: expect.stringMatching(/embed link already has 2 open live connections/) });
    expect(quota.take(embed("t2")).ok).toBe(true);
  });
});
