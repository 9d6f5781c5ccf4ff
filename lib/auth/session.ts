/** The session as the browser sees it (`GET <base>/api/auth/session`): no tokens, ever. */
export interface SessionView {
  user: { name: string; groups: string[] };
  /** ISO time at which the session ends unless it is used before. */
  expires: string;
  /** ISO time by which an active page should check the session again, so tokens are refreshed in time. */
  renewBy?: string;
}

/** Reads a session answer; next-auth answers `{}` when nobody is signed in. */
export function parseSessionView(body: unknown): SessionView | null {
  if (!body || typeof body !== "object") return null;
  const { user, expires, renewBy } = body as Partial<SessionView>;
  if (!user || typeof user.name !== "string" || !Array.isArray(user.groups) || typeof expires !== "string") return null;
  return {
    user: { name: user.name, groups: user.groups.filter((group): group is string => typeof group === "string") },
    expires,
    ...(typeof renewBy === "string" ? { renewBy } : {}),
  };
}
