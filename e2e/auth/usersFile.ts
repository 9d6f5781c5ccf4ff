import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** One entry of a `--users-file`: the hash is bcrypt or argon2, made by the spec. */
export interface TestUser {
  name: string;
  hash: string;
  groups?: string[];
}

/** Writes a users file for `--auth basic` into a fresh temporary folder and returns its path. */
export function writeUsersFile(users: readonly TestUser[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "orrery-users-")), "users.yaml");
  const lines = users.flatMap((user) => [
    `  - name: ${user.name}`,
    `    hash: ${JSON.stringify(user.hash)}`,
    ...(user.groups ? [`    groups: [${user.groups.join(", ")}]`] : []),
  ]);
  writeFileSync(file, ["users:", ...lines, ""].join("\n"));
  return file;
}
