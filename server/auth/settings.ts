import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type Config, type Env } from "../config";
import { isLoopbackHost } from "../http/loopback";
import { refusedIdentityReason, reservedNameReason } from "../kube/asPerson";
import { hashPasswordSync } from "./passwords";
import { readScopeBasicAuth, ScopeEnvError, type ScopeBasicAuth } from "./scopeEnv";
import { resolveSessionSecret, SessionSecretError } from "./sessionSecret";
import type { SessionTimeouts } from "./sessionClaims";
import { loadUsersFile, UsersFileError, type BasicUser } from "./usersFile";

export type AuthMode = "none" | "basic" | "oidc";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Undefined for a public client (PKCE only). */
  clientSecret?: string;
  scopes: string;
  usernameClaim: string;
  groupsClaim: string;
  groupPrefix: string;
  /** Shown on the login button: "Sign in with <displayName>". */
  displayName: string;
}

/** Everything login needs, validated together at start. */
export interface AuthSettings {
  mode: AuthMode;
  basePath: string;
  /** Mode none only: whether requests may act as the kubeconfig's owner (loopback, or --insecure-no-auth). */
  localAllowed: boolean;
  /** Orrery's external URL including the base path, without a trailing slash. */
  publicUrl?: string;
  /** Secure cookies: fixed by the public URL's scheme, or decided per request (TLS) when there is none. */
  secureCookies: boolean | "per-request";
  secret: string;
  timeouts: SessionTimeouts;
  identity: "impersonate" | "token";
  users: BasicUser[];
  oidc?: OidcSettings;
  dataDir: string;
}

function fail(message: string): never {
  throw new ConfigError(message);
}

function normalizePublicUrl(config: Config): string | undefined {
  if (!config.publicUrl) return undefined;
  const url = new URL(config.publicUrl);
  const pathname = url.pathname.replace(/\/+$/, "");
  if (pathname !== config.basePath) fail(`--public-url path "${pathname || "/"}" must be the base path "${config.basePath || "/"}" (Orrery's external URL, e.g. https://orrery.example.com${config.basePath})`);
  return `${url.origin}${pathname}`;
}

function readScope(env: Env): ScopeBasicAuth | undefined {
  try {
    return readScopeBasicAuth(env);
  } catch (error) {
    if (error instanceof ScopeEnvError) fail(error.message);
    throw error;
  }
}

function chooseMode(config: Config, scope: ScopeBasicAuth | undefined): AuthMode {
  if (!scope) return config.auth ?? "none";
  if (config.auth && config.auth !== "basic") fail(`ENABLE_BASIC_AUTH=true conflicts with --auth ${config.auth}; unset one of them`);
  return "basic";
}

function collectUsers(config: Config, scope: ScopeBasicAuth | undefined): BasicUser[] {
  let users: BasicUser[] = [];
  try {
    if (config.usersFile) users = loadUsersFile(config.usersFile);
  } catch (error) {
    if (error instanceof UsersFileError) fail(error.message);
    throw error;
  }
  if (scope) {
    if (users.some((user) => user.name === scope.username)) fail(`BASIC_AUTH_USERNAME "${scope.username}" is also in ${config.usersFile}; keep one of them`);
    const reserved = refusedIdentityReason(scope.username, config.basicAuthGroups);
    if (reserved) fail(`BASIC_AUTH_USERNAME / --basic-auth-groups: ${reserved}; bind the rights to an ordinary user or group instead`);
    // The plain password is hashed here and only the hash is kept.
    users = [...users, { name: scope.username, hash: hashPasswordSync(scope.password), groups: config.basicAuthGroups }];
  }
  if (users.length === 0) fail("--auth basic needs users: give --users-file <file>, or BASIC_AUTH_USERNAME and BASIC_AUTH_PASSWORD with ENABLE_BASIC_AUTH=true");
  return users;
}

function readClientSecret(config: Config): string | undefined {
  if (config.oidcClientSecret && config.oidcClientSecretFile) fail("give the OIDC client secret once: --oidc-client-secret or ORRERY_OIDC_CLIENT_SECRET_FILE, not both");
  if (!config.oidcClientSecretFile) return config.oidcClientSecret || undefined;
  try {
    return readFileSync(config.oidcClientSecretFile, "utf8").trim() || undefined;
  } catch (error) {
    fail(`cannot read the OIDC client secret file ${config.oidcClientSecretFile} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
}

function oidcSettings(config: Config, publicUrl: string | undefined): OidcSettings {
  if (!config.oidcIssuer || !config.oidcClientId) fail("--auth oidc needs --oidc-issuer and --oidc-client-id (and usually a client secret)");
  if (!publicUrl) fail("--auth oidc needs --public-url, the external URL the identity provider sends people back to");
  // With a system: prefix every OIDC group would be a reserved name, and every login refused.
  if (reservedNameReason("group", `${config.oidcGroupPrefix}any`)) fail(`--oidc-group-prefix "${config.oidcGroupPrefix}" would make every OIDC group a reserved Kubernetes name (system:*); choose another prefix, such as "oidc:"`);
  const issuer = config.oidcIssuer.replace(/\/+$/, "");
  return {
    issuer,
    clientId: config.oidcClientId,
    clientSecret: readClientSecret(config),
    scopes: config.oidcScopes.trim().split(/\s+/).join(" "),
    usernameClaim: config.oidcUsernameClaim,
    groupsClaim: config.oidcGroupsClaim,
    groupPrefix: config.oidcGroupPrefix,
    displayName: new URL(issuer).host,
  };
}

function checkCombinations(config: Config, mode: AuthMode): void {
  if (config.usersFile && mode !== "basic") fail(`--users-file is only used with --auth basic (the login mode is ${mode})`);
  if (config.identity === "token" && mode !== "oidc") fail("--identity token passes the person's OIDC token through, so it needs --auth oidc");
  if (config.sessionIdle > config.sessionMax) fail("--session-idle must not be longer than --session-max");
}

function secretFor(config: Config, mode: AuthMode): string {
  if (mode === "none") return "";
  try {
    return resolveSessionSecret(config.sessionSecret, config.dataDir);
  } catch (error) {
    if (error instanceof SessionSecretError) fail(error.message);
    throw error;
  }
}

/** Reads and cross-checks the login settings; a problem is a ConfigError of one line. */
export function buildAuthSettings(config: Config, env: Env): AuthSettings {
  const scope = readScope(env);
  const mode = chooseMode(config, scope);
  checkCombinations(config, mode);
  const publicUrl = normalizePublicUrl(config);
  return {
    mode,
    basePath: config.basePath,
    localAllowed: mode === "none" && (isLoopbackHost(config.host) || config.insecureNoAuth),
    publicUrl,
    secureCookies: publicUrl ? publicUrl.startsWith("https://") : "per-request",
    secret: secretFor(config, mode),
    timeouts: { idleMs: config.sessionIdle, maxMs: config.sessionMax },
    identity: config.identity,
    users: mode === "basic" ? collectUsers(config, scope) : [],
    oidc: mode === "oidc" ? oidcSettings(config, publicUrl) : undefined,
    dataDir: path.resolve(config.dataDir),
  };
}
