import { z } from "zod";
import type { ExecClientMessage, ExecTarget } from "@/lib/wire/exec";

// RFC 1123 names, as the apiserver validates them: a namespace is a label, a pod or container a subdomain or label.
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const targetSchema = z.object({
  namespace: z.string({ error: "namespace is missing" }).max(63).regex(label, "namespace must be a DNS label such as team-a"),
  pod: z.string({ error: "pod is missing" }).max(253).regex(subdomain, "pod must be a pod name such as web-7d9f8"),
  container: z.string().max(63).regex(label, "container must be a container name such as app").optional(),
  command: z.array(z.string().min(1, "a command argument is empty").max(4096, "a command argument is longer than 4096 characters")).max(64, "at most 64 command arguments"),
});

/** The target of `/api/exec`, or what was wrong with its query, worded for the person. */
export type ParsedExecQuery = { ok: true; target: ExecTarget } | { ok: false; message: string };

/** Reads `namespace`, `pod`, optional `container` and repeated `command` from an `/api/exec` URL's query. */
export function parseExecQuery(params: URLSearchParams): ParsedExecQuery {
  const container = params.get("container");
  const parsed = targetSchema.safeParse({
    namespace: params.get("namespace") ?? undefined,
    pod: params.get("pod") ?? undefined,
    container: container === null || container === "" ? undefined : container,
    command: params.getAll("command"),
  });
  if (parsed.success) return { ok: true, target: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `invalid exec request: ${issue?.message ?? "malformed query"}; expected ?namespace=&pod=[&container=][&command=…]` };
}

const resizeSchema = z.object({ type: z.literal("resize"), cols: z.number().int().min(1).max(10_000), rows: z.number().int().min(1).max(10_000) });

/** A text frame from the browser, or undefined when it is not a valid `ExecClientMessage`. */
export function parseClientMessage(text: string): ExecClientMessage | undefined {
  try {
    const parsed = resizeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
