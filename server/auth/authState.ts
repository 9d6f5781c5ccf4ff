import type { Config, Env } from "../config";
import { getRuntime } from "../runtime";
import { log } from "../log";
import { stateStoreFor } from "../state/processStateStore";
import { LoginGuard } from "./loginGuard";
import { RevocationList } from "./revocationList";
import { dropScopePassword } from "./scopeEnv";
import { SessionRegistry } from "./sessions";
import { buildAuthSettings, type AuthSettings } from "./settings";
import { UserDirectory } from "./userDirectory";

/** The login machinery of the running process. */
export interface AuthServices {
  settings: AuthSettings;
  guard: LoginGuard;
  sessions: SessionRegistry;
  /** The clock every session check uses (tests inject one). */
  now: () => number;
}

// On globalThis so the custom server and Next's bundle share one revocation list and one rate limiter.
const stateKey = Symbol.for("orrery.auth.state");
type Holder = { [stateKey]?: AuthServices };

/** Creates the services for validated settings (tests build their own with an injected clock). */
export function createAuthServices(settings: AuthSettings, now: () => number = Date.now): AuthServices {
  // In the state Secret with --state-secret (shared by replicas), else in the data directory.
  const revocations = new RevocationList(settings.mode === "none" ? undefined : stateStoreFor(settings.dataDir), now);
  return {
    settings,
    guard: new LoginGuard(new UserDirectory(settings.users), undefined, now),
    sessions: new SessionRegistry(revocations, now),
    now,
  };
}

/**
 * Reads the login settings (one-line ConfigError when they do not fit together), hashes a plain
 * Scope password and drops it from the environment, and makes the result the process's own.
 * Call once at start, before serving.
 */
export function initAuth(config: Config, env: Env = process.env): AuthSettings {
  const settings = buildAuthSettings(config, env);
  dropScopePassword(env);
  // next-auth would take its URL from these instead of --public-url and the request.
  if (env.NEXTAUTH_URL) log.warn("NEXTAUTH_URL is ignored; Orrery uses --public-url");
  delete env.NEXTAUTH_URL;
  const services = createAuthServices(settings);
  services.sessions.start(Math.min(15_000, Math.max(1_000, settings.timeouts.idleMs / 10)));
  (globalThis as Holder)[stateKey]?.sessions.stop();
  (globalThis as Holder)[stateKey] = services;
  log.info({ mode: settings.mode, identity: settings.identity, users: settings.users.length || undefined, issuer: settings.oidc?.issuer }, "login configured");
  return settings;
}

/** The process's login services; set up from the runtime's configuration if start-up did not. */
export function getAuthServices(): AuthServices {
  const holder = globalThis as Holder;
  if (!holder[stateKey]) initAuth(getRuntime().config);
  return holder[stateKey]!;
}

/** The validated login settings of the running process. */
export function getAuthSettings(): AuthSettings {
  return getAuthServices().settings;
}

/** Replaces the process's services (tests). */
export function setAuthServices(services: AuthServices | undefined): void {
  (globalThis as Holder)[stateKey]?.sessions.stop();
  (globalThis as Holder)[stateKey] = services;
}
