import type { Env } from "../config";

/** Weave Scope's basic-auth variables, for people moving from Scope. */
export interface ScopeBasicAuth {
  username: string;
  password: string;
}

export const scopeEnvNames = ["ENABLE_BASIC_AUTH", "BASIC_AUTH_USERNAME", "BASIC_AUTH_PASSWORD"] as const;

/** A Scope basic-auth setting that cannot be used, as one line for the operator. */
export class ScopeEnvError extends Error {}

/**
 * Reads ENABLE_BASIC_AUTH / BASIC_AUTH_USERNAME / BASIC_AUTH_PASSWORD as Weave Scope does
 * (user name defaults to "admin"), except that Scope's default password "admin" is not kept:
 * a password must be given.
 */
export function readScopeBasicAuth(env: Env): ScopeBasicAuth | undefined {
  const enabled = (env.ENABLE_BASIC_AUTH ?? "").trim().toLowerCase();
  if (enabled === "" || enabled === "false" || enabled === "0") return undefined;
  if (enabled !== "true" && enabled !== "1") throw new ScopeEnvError(`invalid ENABLE_BASIC_AUTH=${JSON.stringify(env.ENABLE_BASIC_AUTH)}: expected true or false`);
  const username = (env.BASIC_AUTH_USERNAME ?? "").trim() || "admin";
  const password = env.BASIC_AUTH_PASSWORD ?? "";
  if (password === "") throw new ScopeEnvError("ENABLE_BASIC_AUTH=true needs BASIC_AUTH_PASSWORD (Scope's default password admin is not accepted)");
  if (password.length < 8) throw new ScopeEnvError("BASIC_AUTH_PASSWORD is shorter than 8 characters; choose a longer one");
  return { username, password };
}

/** Removes the plain password from the environment once it is hashed, so nothing later can read or pass it on. */
export function dropScopePassword(env: Env): void {
  delete env.BASIC_AUTH_PASSWORD;
}
