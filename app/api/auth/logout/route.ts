import { handleLogout } from "@/server/auth/logout";

export const dynamic = "force-dynamic";

// Ends the session (and the provider's where it can); guarded by next-auth's CSRF token, not by login.
export function POST(req: Request): Promise<Response> {
  return handleLogout(req);
}
