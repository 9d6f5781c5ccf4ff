import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { apiErrorBody, type ApiErrorCode } from "@/lib/wire/apiError";
import { MAX_BODY_BYTES, MAX_QUERY_BYTES, queryTooLong } from "./limits";
import type { OriginPolicy } from "./originPolicy";
import { headerOf } from "./requestHeaders";
import { refuseUpgrade } from "./upgradeRouter";

/** The largest declared body a path may send; Infinity for a route that bounds and answers oversized bodies itself. */
export type BodyLimitFor = (path: string) => number;

export type GateVerdict = { ok: true } | { ok: false; status: number; code: ApiErrorCode; message: string };

// Next.js internal headers a client must never set; 16.4.6 ignores this one, and it is dropped here anyway (CVE-2025-29927).
const internalHeaders = ["x-middleware-subrequest"];

/** Headers on every answer of the custom server, pages and API alike. */
export const baselineHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

function refuse(status: number, code: ApiErrorCode, message: string): GateVerdict {
  return { ok: false, status, code, message };
}

/**
 * Checks what must hold before any code sees a request: an origin-form target (never absolute-form
 * `GET http://169.254.169.254/`), a Host this server serves (no DNS rebinding), bounded query and body.
 */
export function inspectRequest(req: IncomingMessage, policy: OriginPolicy, bodyLimitFor: BodyLimitFor = () => MAX_BODY_BYTES): GateVerdict {
  const target = req.url ?? "";
  if (!target.startsWith("/") || target.startsWith("//")) return refuse(400, "bad_request", "the request target must be a path starting with one \"/\": absolute-form targets are refused, Orrery is not a proxy");
  const host = headerOf(req, "host");
  if (!policy.isServedHost(host)) {
    return refuse(421, "misdirected_request", `host ${JSON.stringify((host ?? "").slice(0, 100))} is not served here; open Orrery at its public URL (--public-url or --allowed-origins name the others)`);
  }
  if (queryTooLong(target)) return refuse(414, "uri_too_long", `query string is longer than ${MAX_QUERY_BYTES} bytes; narrow the request`);
  const declared = headerOf(req, "content-length");
  const bodyLimit = bodyLimitFor(target.split("?")[0]!);
  if (declared !== undefined && Number(declared) > bodyLimit) return refuse(413, "payload_too_large", `request body is larger than ${bodyLimit} bytes`);
  if (headerOf(req, "transfer-encoding") !== undefined && !acceptsStreamedBody(target)) {
    return refuse(411, "length_required", "a request body of unknown length is only accepted by /api routes; send Content-Length");
  }
  return { ok: true };
}

// Route handlers wrapped with withRoute count streamed bodies; pages and next-auth's routes do not, so they need a length.
function acceptsStreamedBody(target: string): boolean {
  const path = target.split("?")[0]!;
  return /(^|\/)api\//.test(path) && !/(^|\/)api\/auth\//.test(path);
}

function stripInternalHeaders(req: IncomingMessage): void {
  for (const name of internalHeaders) delete req.headers[name];
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (internalHeaders.includes(raw[i]!.toLowerCase())) raw.splice(i, 2);
  }
}

function sendRefusal(res: ServerResponse, verdict: Extract<GateVerdict, { ok: false }>): void {
  res.writeHead(verdict.status, { "Content-Type": "application/json", "Cache-Control": "no-store", Connection: "close", ...baselineHeaders });
  res.end(JSON.stringify(apiErrorBody(verdict.code, verdict.message)));
}

const reasonPhrases: Record<number, string> = { 400: "Bad Request", 411: "Length Required", 413: "Payload Too Large", 414: "URI Too Long", 421: "Misdirected Request" };

/** The custom server's first step for HTTP requests and websocket upgrades; false means it already answered. */
export function createRequestGate(policy: () => OriginPolicy, bodyLimitFor?: BodyLimitFor) {
  return {
    http(req: IncomingMessage, res: ServerResponse): boolean {
      const verdict = inspectRequest(req, policy(), bodyLimitFor);
      if (!verdict.ok) {
        sendRefusal(res, verdict);
        return false;
      }
      stripInternalHeaders(req);
      for (const [name, value] of Object.entries(baselineHeaders)) res.setHeader(name, value);
      return true;
    },
    upgrade(req: IncomingMessage, socket: Duplex): boolean {
      const verdict = inspectRequest(req, policy());
      if (!verdict.ok) {
        refuseUpgrade(socket, verdict.status, reasonPhrases[verdict.status] ?? "Bad Request", verdict.message);
        return false;
      }
      stripInternalHeaders(req);
      return true;
    },
  };
}
