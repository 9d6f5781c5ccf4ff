import bcrypt from "bcryptjs";
import { hashSync as argon2HashSync } from "@node-rs/argon2";
import { describe, expect, test } from "vitest";
import { argon2OptionsOf, dummyHashLike, hashKind, hashPassword, verifyPassword } from "./passwords";

describe("verifyPassword", () => {
  test("checks bcrypt hashes ($2a$, $2b$, $2y$)", async () => {
    const hash = bcrypt.hashSync("correct horse", 4);
    expect(await verifyPassword(hash, "correct horse")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse")).toBe(false);
    expect(await verifyPassword(hash.replace("$2b$", "$2y$"), "correct horse")).toBe(true);
  });

  test("checks argon2id and argon2i hashes", async () => {
    const id = argon2HashSync("battery staple");
    const i = argon2HashSync("battery staple", { algorithm: 1 as never });
    expect(id.startsWith("$argon2id$")).toBe(true);
    expect(i.startsWith("$argon2i$")).toBe(true);
    expect(await verifyPassword(id, "battery staple")).toBe(true);
    expect(await verifyPassword(i, "battery staple")).toBe(true);
    expect(await verifyPassword(id, "battery stapler")).toBe(false);
  });

  test("is false, not an exception, for a malformed hash", async () => {
    expect(await verifyPassword("$argon2id$broken", "x")).toBe(false);
    expect(await verifyPassword("plain-text", "plain-text")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
  });
});

describe("hashPassword", () => {
  test("makes an argon2id hash that verifies", async () => {
    const hash = await hashPassword("s3cret-pass");
    expect(hashKind(hash)).toBe("argon2");
    expect(hash).not.toContain("s3cret-pass");
    expect(await verifyPassword(hash, "s3cret-pass")).toBe(true);
  });
});

describe("dummyHashLike", () => {
  test("uses the same algorithm and cost as the real hashes", () => {
    const bcryptDummy = dummyHashLike(bcrypt.hashSync("x", 6));
    expect(bcryptDummy.slice(0, 7)).toBe("$2b$06$");
    const argonDummy = dummyHashLike(argon2HashSync("x", { memoryCost: 8192, timeCost: 3 }));
    expect(argon2OptionsOf(argonDummy)).toMatchObject({ memoryCost: 8192, timeCost: 3, parallelism: 1 });
  });
});
