import { streamResourceKinds, type ClientMessage } from "./stream";
import { resourceClientMessageSchema, topologySubscribeSchema, usageSubscribeSchema } from "./streamSchemas";

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; id?: string; error: string };

const messageTypes = ["subscribe", "unsubscribe", "ping"];

/** Parses one websocket text frame from a browser, with an error a developer can act on. */
export function parseClientMessage(raw: string): ParsedClientMessage {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `message is not valid JSON (${(err as Error).message}); send one JSON object per frame` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, error: `message must be a JSON object with a "type" (one of ${messageTypes.join(", ")})` };
  }
  const record = data as Record<string, unknown>;
  const id = typeof record.id === "string" ? record.id : undefined;
  if (typeof record.type !== "string" || !messageTypes.includes(record.type)) {
    return { ok: false, id, error: `unknown message type ${JSON.stringify(record.type ?? null)}; expected one of ${messageTypes.join(", ")}` };
  }
  const topology = record.type === "subscribe" && record.resource === "topology";
  const usage = record.type === "subscribe" && record.resource === "usage";
  if (record.type === "subscribe" && typeof record.resource === "string" && !topology && !usage && !(streamResourceKinds as readonly string[]).includes(record.resource)) {
    return { ok: false, id, error: `unknown resource "${record.resource}"; expected one of ${streamResourceKinds.join(", ")}, topology, usage` };
  }
  const parsed = (topology ? topologySubscribeSchema : usage ? usageSubscribeSchema : resourceClientMessageSchema).safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `"${issue.path.join(".")}"` : "message";
  return { ok: false, id, error: `invalid ${record.type} message: ${where} ${issue?.message ?? "is invalid"}` };
}
