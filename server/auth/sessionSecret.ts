import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log } from "../log";

export const minSecretLength = 32;
export const secretFileName = "session-secret";

/** A session secret that cannot be used, as one line for the operator (never containing the secret). */
export class SessionSecretError extends Error {}

function readSecretFile(file: string): string {
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < minSecretLength) throw new SessionSecretError(`${file} holds fewer than ${minSecretLength} characters; delete it to have a new one generated`);
  if ((statSync(file).mode & 0o077) !== 0) log.warn({ file }, "the session secret file is readable by other users; chmod 600 it");
  return secret;
}

/**
 * The secret that signs and encrypts sessions: the configured one, else one generated once and
 * kept in the data dir (mode 0600) so that a restart keeps everyone signed in.
 */
export function resolveSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) {
    if (configured.length < minSecretLength) throw new SessionSecretError(`--session-secret must be at least ${minSecretLength} characters (try: openssl rand -base64 48)`);
    return configured;
  }
  const file = path.join(path.resolve(dataDir), secretFileName);
  try {
    return readSecretFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw asSecretError(error, file);
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // "wx": when two processes start at once, the second reads the first one's secret.
    writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    log.info({ file }, "generated a session secret; give every replica the same --session-secret when running more than one");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw asSecretError(error, file);
  }
  return readSecretFile(file);
}

function asSecretError(error: unknown, file: string): Error {
  if (error instanceof SessionSecretError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new SessionSecretError(`cannot keep the session secret in ${file} (${code}); give --session-secret or a writable --data-dir`);
}
