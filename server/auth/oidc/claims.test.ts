import { describe, expect, test } from "vitest";
import { groupsFromClaims, identityFromClaims, usernameFromClaims } from "./claims";

const settings = { usernameClaim: "email", groupsClaim: "groups", groupPrefix: "" };

describe("OIDC claims to a Kubernetes identity", () => {
  test("maps email and groups", () => {
    expect(identityFromClaims({ sub: "123", email: "alice@example.com", groups: ["orrery:admins", "team-a"] }, settings)).toEqual({ name: "alice@example.com", groups: ["orrery:admins", "team-a"] });
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
    expect(identityFromClaims({ sub: "x", email: "system:admin" }, settings)).toBeUndefined();
  });
});
