import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { z } from "zod";
import { reservedNameReason } from "@/server/kube/asPerson";
import { hashKind } from "./passwords";

/** A person who may log in with a user name and password. */
export interface BasicUser {
  /** Kubernetes user name, sent as Impersonate-User. */
  name: string;
  /** A bcrypt ($2a$/$2b$/$2y$) or argon2 ($argon2id$...) hash, never the password itself. */
  hash: string;
  groups: string[];
}

/** A users file that cannot be used, worded as one line for the operator. */
export class UsersFileError extends Error {}

const userSchema = z.strictObject({
  name: z.string().trim().min(1).max(253),
  hash: z.string().min(1),
  groups: z.array(z.string().trim().min(1).max(253)).default([]),
});
const fileSchema = z.strictObject({ users: z.array(z.unknown()).min(1) });

function parseText(text: string, fileName: string): unknown {
  try {
    // JSON is YAML, so one parser reads both formats.
    return load(text, { filename: fileName });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsersFileError(`${fileName} is not valid YAML or JSON: ${reason}`);
  }
}

function checkUser(raw: unknown, index: number, fileName: string): BasicUser {
  const where = `${fileName}: users[${index}]`;
  const parsed = userSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "entry";
    throw new UsersFileError(`${where}: ${field}: ${issue.message}; each user needs name, hash and optional groups`);
  }
  const user = parsed.data;
  // Refused at start rather than dropped: a login that quietly lacks a group the file gives it would mislead.
  const reserved = reservedNameReason("user", user.name) ?? user.groups.map((group) => reservedNameReason("group", group)).find(Boolean);
  if (reserved) throw new UsersFileError(`${where}: ${reserved}; bind the rights to an ordinary user or group instead`);
  // Never echo the value: a plain password put in by mistake must not reach the log.
  if (!hashKind(user.hash)) throw new UsersFileError(`${where} (${user.name}): hash is not a bcrypt ($2b$...) or argon2 ($argon2id$...) hash; a plain password is not accepted`);
  return { name: user.name, hash: user.hash, groups: [...new Set(user.groups)] };
}

/** Reads `{ users: [{ name, hash, groups }] }` from YAML or JSON text. */
export function parseUsersFile(text: string, fileName: string): BasicUser[] {
  const shape = fileSchema.safeParse(parseText(text, fileName));
  if (!shape.success) throw new UsersFileError(`${fileName} must hold a "users:" list with at least one user (name, hash, groups)`);
  const users = shape.data.users.map((raw, index) => checkUser(raw, index, fileName));
  const seen = new Set<string>();
  for (const user of users) {
    if (seen.has(user.name)) throw new UsersFileError(`${fileName}: user "${user.name}" appears twice`);
    seen.add(user.name);
  }
  return users;
}

export function loadUsersFile(filePath: string): BasicUser[] {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsersFileError(`cannot read users file ${filePath} (${code})`);
  }
  return parseUsersFile(text, filePath);
}
