import { errorCodeOf } from "@/lib/auth/messages";
import { parseSessionView, type SessionView } from "@/lib/auth/session";
import { readApiError, readApiJson } from "@/lib/wire/readApiError";

/** Orrery's base path, set on <html data-base-path> by the root layout. */
export function basePath(): string {
  return document.documentElement.dataset.basePath ?? "";
}

function authUrl(action: string): string {
  return `${basePath()}/api/auth/${action}`;
}

/** The login page URL that returns to `returnTo` (a path including the base path) afterwards. */
export function loginUrl(returnTo: string): string {
  return `${basePath()}/login?callbackUrl=${encodeURIComponent(returnTo)}`;
}

async function csrfToken(): Promise<string> {
  const response = await fetch(authUrl("csrf"), { credentials: "same-origin", cache: "no-store" });
  const body = await readApiJson<{ csrfToken?: unknown }>(response);
  if (typeof body.csrfToken !== "string") throw new Error("the server gave no CSRF token");
  return body.csrfToken;
}

async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  return fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
}

// next-auth answers sign-in attempts with `{ url }`, failures included (their code is in the URL).
async function signInAnswer(response: Response): Promise<{ status: number; url?: string }> {
  const answer = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { status: response.status, url: typeof answer.url === "string" ? answer.url : undefined };
}

export type SignInResult = { ok: true } | { ok: false; error: string };

/** Signs in with a user name and password (basic mode); on success the session cookie is set. */
export async function signInWithPassword(username: string, password: string, callbackUrl: string): Promise<SignInResult> {
  const result = await signInAnswer(await postForm(authUrl("callback/credentials"), { username, password, callbackUrl }));
  const error = result.url ? errorCodeOf(result.url) : "Invalid";
  if (result.status >= 400 || error) return { ok: false, error: error ?? "CredentialsSignin" };
  return { ok: true };
}

/** Starts the OpenID Connect login: the URL of the provider's sign-in page to go to. */
export async function providerSignInUrl(callbackUrl: string): Promise<SignInResult & { url?: string }> {
  const result = await signInAnswer(await postForm(authUrl("signin/oidc"), { callbackUrl }));
  const error = result.url ? errorCodeOf(result.url) : "OAuthSignin";
  if (!result.url || error) return { ok: false, error: error ?? "OAuthSignin" };
  return { ok: true, url: result.url };
}

/** Ends the session; the URL to go to next (the provider's logout page, or the login page). Throws ApiRequestError when it was refused. */
export async function signOut(): Promise<string> {
  const response = await postForm(`${basePath()}/api/auth/logout`, {});
  // A refused logout left the session alive: saying "signed out" then would be a lie.
  const answer = await readApiJson<{ url?: unknown }>(response);
  return typeof answer.url === "string" ? answer.url : `${basePath()}/login?signedOut=1`;
}

/** The current session, which also renews it (idle deadline, tokens); null when signed out, throws when unknown. */
export async function fetchSession(): Promise<SessionView | null> {
  const response = await fetch(authUrl("session"), { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw await readApiError(response);
  return parseSessionView(await response.json().catch(() => null));
}
