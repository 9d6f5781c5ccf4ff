import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadUsersFile, parseUsersFile, UsersFileError } from "./usersFile";

const bcryptHash = "$2b$10$ntLZkKR8T2QDNJRfiDHm5uBFZRy6tqeDkhX7uS4wQIdwmZ2TD6s4K";
const argonHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3bc2+Fm5iD0xMKzW7h9zmnZAwgEHbUbQaeJ93jrE0Zk";

describe("parseUsersFile", () => {
  test("reads YAML with bcrypt and argon2 hashes and groups", () => {
    const users = parseUsersFile(
      `users:\n  - name: alice\n    hash: "${bcryptHash}"\n    groups: [orrery:admins, team-a]\n  - name: dev\n    hash: '${argonHash}'\n`,
      "users.yaml",
    );
    expect(users).toEqual([
      { name: "alice", hash: bcryptHash, groups: ["orrery:admins", "team-a"] },
      { name: "dev", hash: argonHash, groups: [] },
    ]);
  });

  test("reads JSON", () => {
    const users = parseUsersFile(JSON.stringify({ users: [{ name: "bob", hash: argonHash, groups: ["team-a", "team-a"] }] }), "users.json");
    expect(users).toEqual([{ name: "bob", hash: argonHash, groups: ["team-a"] }]);
  });

  test("refuses a plain password without echoing it", () => {
    const attempt = () => parseUsersFile(`users:\n  - name: alice\n    hash: hunter22\n`, "users.yaml");
    expect(attempt).toThrow(UsersFileError);
    expect(attempt).toThrow(/users\[0\] \(alice\): hash is not a bcrypt/);
    expect(attempt).not.toThrow(/hunter22/);
  });

  test.each([
    ["not YAML", "users: [", /is not valid YAML or JSON/],
    ["no users list", "people: []", /must hold a "users:" list/],
    ["an empty list", "users: []", /must hold a "users:" list/],
    ["a user without a name", `users:\n  - hash: "${bcryptHash}"`, /users\[0\]: name:/],
    ["an unknown field", `users:\n  - name: a\n    hash: "${bcryptHash}"\n    password: x`, /users\[0\]: entry:|users\[0\]: password/],
    ["a duplicate name", `users:\n  - name: a\n    hash: "${bcryptHash}"\n  - name: a\n    hash: "${bcryptHash}"`, /user "a" appears twice/],
    ["a reserved name", `users:\n  - name: system:admin\n    hash: "${bcryptHash}"`, /reserved by Kubernetes/],
    ["a reserved group", `users:\n  - name: a\n    hash: "${bcryptHash}"\n    groups: [team-a, system:masters]`, /users\[0\]: Orrery does not act as the Kubernetes group "system:masters".*bind the rights to an ordinary user or group instead$/],
    ["groups that are not a list", `users:\n  - name: a\n    hash: "${bcryptHash}"\n    groups: admins`, /users\[0\]: groups:/],
  ])("refuses %s with one line", (_what, text, message) => {
    let error: unknown;
    try {
      parseUsersFile(text, "users.yaml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsersFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });
});

describe("loadUsersFile", () => {
  test("names a missing file", () => {
    expect(() => loadUsersFile("/nonexistent/users.yaml")).toThrow("cannot read users file /nonexistent/users.yaml (ENOENT)");
  });

  test("reads a file from disk", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "orrery-users-")), "users.yaml");
    writeFileSync(file, `users:\n  - name: carol\n    hash: "${bcryptHash}"\n`);
    expect(loadUsersFile(file).map((user) => user.name)).toEqual(["carol"]);
  });
});

describe("a users file's system:authenticated group", () => {
  test("is kept: the apiserver gives every login that group anyway", () => {
    expect(parseUsersFile(`users:\n  - name: a\n    hash: "${bcryptHash}"\n    groups: [system:authenticated]`, "users.yaml")[0]!.groups).toEqual(["system:authenticated"]);
  });
});
