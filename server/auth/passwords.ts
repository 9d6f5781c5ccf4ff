import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { hash as argon2Hash, hashSync as argon2HashSync, verify as argon2Verify, type Algorithm, type Options as Argon2Options } from "@node-rs/argon2";

export type HashKind = "bcrypt" | "argon2";

/** Which algorithm a stored hash uses, from its modular-crypt prefix; undefined when not one we verify. */
export function hashKind(hash: string): HashKind | undefined {
  if (/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) return "bcrypt";
  if (/^\$argon2(id|i|d)\$/.test(hash)) return "argon2";
  return undefined;
}

/** Checks a password against a bcrypt or argon2 hash; false (never an exception) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    switch (hashKind(hash)) {
      case "bcrypt":
        return await bcrypt.compare(password, hash);
      case "argon2":
        return await argon2Verify(hash, password);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

/** An argon2id hash with the library's defaults (19 MiB, 2 passes), for passwords given as plain text. */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}

/** The synchronous form, for start-up, before the server takes requests. */
export function hashPasswordSync(password: string): string {
  return argon2HashSync(password);
}

/**
 * A hash of a random password in the same algorithm and cost as `like`, checked for unknown
 * user names so that they take as long as wrong passwords of real users.
 */
export function dummyHashLike(like: string | undefined): string {
  const random = randomBytes(18).toString("base64url");
  if (like && hashKind(like) === "bcrypt") return bcrypt.hashSync(random, Number(like.slice(4, 6)));
  return argon2HashSync(random, like ? argon2OptionsOf(like) : undefined);
}

// The enum's numeric values (Argon2d, Argon2i, Argon2id): it is a const enum, not importable as a value.
const argon2Algorithms: Record<string, number> = { argon2d: 0, argon2i: 1, argon2id: 2 };

/** The algorithm and costs written in an argon2 PHC string ("$argon2id$v=19$m=65536,t=3,p=4$..."). */
export function argon2OptionsOf(hash: string): Argon2Options | undefined {
  const match = /^\$(argon2(?:id|i|d))\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (!match) return undefined;
  const [, name, memoryCost, timeCost, parallelism] = match;
  return {
    algorithm: argon2Algorithms[name!] as unknown as Algorithm,
    memoryCost: Number(memoryCost),
    timeCost: Number(timeCost),
    parallelism: Number(parallelism),
  };
}
