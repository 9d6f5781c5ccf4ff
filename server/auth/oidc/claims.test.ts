import { describe, expect, test } from "vitest";
import { groupsFromClaims, judgeClaims, usernameFromClaims } from "./claims";

const settings = { usernameClaim: "email", groupsClaim: "groups", groupPrefix: "" };

describe("OIDC claims to a Kubernetes identity", () => {
  test("maps email and groups", () => {
    expect(judgeClaims({ sub: "123", email: "alice@example.com", email_verified: true, groups: ["orrery:admins", "team-a"] }, settings)).toEqual({ ok: true, identity: { name: "alice@example.com", groups: ["orrery:admins", "team-a"] } });
  });

  test("prefixes groups as kube-apiserver's --oidc-groups-prefix does", () => {
    expect(groupsFromClaims({ groups: ["admins", "dev"] }, { groupsClaim: "groups", groupPrefix: "oidc:" })).toEqual(["oidc:admins", "oidc:dev"]);
  });

  test("reads a configured or nested groups claim, and a single string", () => {
    expect(groupsFromClaims({ roles: "ops" }, { groupsClaim: "roles", groupPrefix: "" })).toEqual(["ops"]);
    expect(groupsFromClaims({ realm_access: { roles: ["a", "b"] } }, { groupsClaim: "realm_access.roles", groupPrefix: "" })).toEqual(["a", "b"]);
  });

  test("drops what is not a group name and duplicates", () => {
    expect(groupsFromClaims({ groups: ["a", 7, null, "", " a ", { x: 1 }] }, settings)).toEqual(["a"]);
    expect(groupsFromClaims({ groups: { a: true } }, settings)).toEqual([]);
    expect(groupsFromClaims({}, settings)).toEqual([]);
  });

  test("falls back to sub when the user name claim is missing", () => {
    expect(usernameFromClaims({ sub: "abc" }, settings)).toBe("abc");
    expect(usernameFromClaims({ sub: "abc", preferred_username: "alice" }, { usernameClaim: "preferred_username" })).toBe("alice");
    expect(usernameFromClaims({}, settings)).toBeUndefined();
  });

  test("refuses a user name reserved by Kubernetes", () => {
    expect(judgeClaims({ sub: "system:admin" }, { ...settings, usernameClaim: "preferred_username" })).toMatchObject({ ok: false, code: "ReservedIdentity" });
  });

  test("refuses, rather than trims, a token naming a reserved group; a prefix makes the same name harmless", () => {
    const masters = { sub: "1", email: "m@example.com", email_verified: true, groups: ["team-a", "system:masters"] };
    expect(judgeClaims(masters, settings)).toMatchObject({ ok: false, code: "ReservedIdentity", reason: expect.stringMatching(/group "system:masters"/) });
    expect(judgeClaims({ ...masters, groups: " system:nodes" }, settings)).toMatchObject({ ok: false, code: "ReservedIdentity" });
    expect(judgeClaims({ ...masters, groups: ["system:authenticated"] }, settings)).toMatchObject({ ok: true });
    expect(judgeClaims(masters, { ...settings, groupPrefix: "oidc:" })).toEqual({ ok: true, identity: { name: "m@example.com", groups: ["oidc:team-a", "oidc:system:masters"] } });
  });

  test("an email user name needs email_verified: true, as kube-apiserver asks", () => {
    expect(judgeClaims({ sub: "1", email: "a@example.com", email_verified: false }, settings)).toMatchObject({ ok: false, code: "EmailNotVerified" });
    expect(judgeClaims({ sub: "1", email: "a@example.com", email_verified: "true" }, settings)).toMatchObject({ ok: false, code: "EmailNotVerified" });
    expect(judgeClaims({ sub: "1", email: "a@example.com" }, settings)).toMatchObject({ ok: false, code: "EmailNotVerified" });
    // Another username claim does not depend on the email being verified.
    expect(judgeClaims({ sub: "1", preferred_username: "a", email: "a@example.com", email_verified: false }, { ...settings, usernameClaim: "preferred_username" })).toMatchObject({ ok: true });
  });

  test("a token naming no user logs nobody in", () => {
    expect(judgeClaims({}, settings)).toMatchObject({ ok: false, code: "AccessDenied" });
  });
});
