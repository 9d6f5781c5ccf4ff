import { headers } from "next/headers";
import type { Person } from "./person";
import { authenticateRequest } from "./authenticate";

/** `authenticateRequest` for a server component: the page request's headers (and so its cookies). */
export async function authenticatePageRequest(): Promise<Person | null> {
  const incoming = await headers();
  return authenticateRequest(new Request("http://orrery.internal/", { headers: new Headers(incoming) }));
}
