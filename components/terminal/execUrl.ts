import type { ExecTarget } from "@/lib/wire/exec";
import { streamUrl } from "@/components/live/liveStream";

/** The /api/exec websocket URL for one shell: beside /api/stream, under the same scheme, host and base path. */
export function execUrl(location: Pick<Location, "protocol" | "host">, basePath: string, target: Omit<ExecTarget, "command">): string {
  // "exec" resolved against …/api/stream replaces its last segment, so the base path rule stays in one place.
  const url = new URL("exec", streamUrl(location, basePath));
  url.searchParams.set("namespace", target.namespace);
  url.searchParams.set("pod", target.pod);
  if (target.container) url.searchParams.set("container", target.container);
  return url.toString();
}
