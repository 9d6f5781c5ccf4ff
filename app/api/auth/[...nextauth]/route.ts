import { handleAuthRoute } from "@/server/auth/handleAuthRoute";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's endpoints (csrf, session, signin, callback, signout, providers); open to everyone by design.
async function handle(req: Request, context: Context): Promise<Response> {
  return handleAuthRoute(req, (await context.params).nextauth);
}

export { handle as GET, handle as POST };
