import type { IncomingMessage } from "node:http";
import type { Person } from "./person";
import { getAuthServices, type AuthServices } from "./authState";
import { parseBasicAuthorization } from "./basicAuthHeader";
import { clientAddress } from "./clientAddress";
import { headerOf } from "../http/requestHeaders";
import { judgeSession, type SessionClaims } from "./sessionClaims";
import { readSessionCookie } from "./sessionCookie";

/** The person of `none` mode: whoever owns the kubeconfig, acting with its identity unchanged. */
export const localPerson: Readonly<Person> = Object.freeze({ name: "local", groups: [], via: "local", readOnly: false });

function personFromSession(claims: SessionClaims, services: AuthServices): Person {
  const bearerToken = services.settings.identity === "token" ? claims.oidc?.idToken : undefined;
  return {
    name: claims.name,
    groups: [...claims.groups],
    via: "session",
    sessionId: claims.sid,
    expiresAt: claims.absoluteExpiresAt,
    ...(bearerToken ? { bearerToken } : {}),
    readOnly: false,
  };
}

async function fromSessionCookie(req: IncomingMessage | Request, services: AuthServices, now: number): Promise<Person | null | undefined> {
  const session = await readSessionCookie(req, services.settings);
  if (!session) return undefined;
  const { claims } = session;
  const verdict = judgeSession(claims, now, (sid) => services.sessions.isRevoked(sid));
  if (!verdict.valid) {
    if (verdict.reason !== "revoked") services.sessions.end(claims.sid, verdict.reason === "absolute" ? "absolute" : "idle", claims.absoluteExpiresAt);
    return null;
  }
  services.sessions.noteActive(claims.sid, claims.idleExpiresAt, claims.absoluteExpiresAt);
  return personFromSession(claims, services);
}

async function fromBasicHeader(req: IncomingMessage | Request, services: AuthServices): Promise<Person | null> {
  const credentials = parseBasicAuthorization(headerOf(req, "authorization"));
  if (!credentials) return null;
  const result = await services.guard.attemptCached(credentials.name, credentials.password, clientAddress(req));
  if (!result.ok) return null;
  return { name: result.user.name, groups: result.user.groups, via: "basic", readOnly: false };
}

/**
 * Another way to authenticate (embed tokens): answers a Person when the request carries its
 * credential, null to refuse it outright, undefined when the request is not its kind.
 */
export type RequestAuthenticator = (req: IncomingMessage | Request) => Promise<Person | null | undefined>;

// On globalThis so an authenticator added by the custom server also applies inside Next's bundle.
const authenticatorsKey = Symbol.for("orrery.auth.requestAuthenticators");
type Holder = { [authenticatorsKey]?: Set<RequestAuthenticator> };

function authenticators(): Set<RequestAuthenticator> {
  return ((globalThis as Holder)[authenticatorsKey] ??= new Set());
}

/** Adds an authenticator consulted before the session cookie, in every login mode. Returns a remover. */
export function addRequestAuthenticator(authenticator: RequestAuthenticator): () => void {
  authenticators().add(authenticator);
  return () => authenticators().delete(authenticator);
}

/** `authenticateRequest` against given services and clock (tests). */
export async function authenticateWith(services: AuthServices, req: IncomingMessage | Request, now: number = services.now()): Promise<Person | null> {
  const { settings } = services;
  for (const authenticator of authenticators()) {
    const person = await authenticator(req);
    if (person !== undefined) return person;
  }
  if (settings.mode === "none") return settings.localAllowed ? { ...localPerson, groups: [] } : null;
  const fromCookie = await fromSessionCookie(req, services, now);
  // A cookie that was present but is ended refuses the request even if a Basic header comes too.
  if (fromCookie !== undefined) return fromCookie;
  if (settings.mode === "basic") return fromBasicHeader(req, services);
  return null;
}

/**
 * Who a request (a route handler's Request, or the IncomingMessage of a websocket upgrade) is
 * made for: the login session in the cookie (checked for revocation and timeouts), in basic mode
 * also an `Authorization: Basic` header for API clients (rate-limited like the login form), and
 * in `none` mode the local person when Orrery listens on loopback. Null means 401.
 */
export function authenticateRequest(req: IncomingMessage | Request): Promise<Person | null> {
  return authenticateWith(getAuthServices(), req);
}
