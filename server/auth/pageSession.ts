import { headers } from "next/headers";
import type { Person } from "./person";
import { authenticateRequest } from "./authenticate";
import { REQUEST_PATH_HEADER } from "../http/pageHeaders";

/**
 * `authenticateRequest` for a server component: the page request's headers (and so its cookies), at the path and
 * query proxy.ts recorded (it replaces any client value), so an embed token in the page's URL is seen too.
 */
export async function authenticatePageRequest(): Promise<Person | null> {
  const incoming = await headers();
  const target = incoming.get(REQUEST_PATH_HEADER) ?? "/";
  const url = new URL(target.startsWith("/") && !target.startsWith("//") ? target : "/", "http://orrery.internal/");
  return authenticateRequest(new Request(url, { headers: new Headers(incoming) }));
}
