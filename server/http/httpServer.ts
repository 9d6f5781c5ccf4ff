import { createServer, type RequestListener, type Server } from "node:http";
import { MAX_HEADER_BYTES } from "./limits";

/** Time limits of the HTTP server; websockets are not bound by them once upgraded. */
export const serverTimeouts = {
  /** Whole request line and headers must arrive within this (slowloris). */
  headersTimeoutMs: 20_000,
  /** Whole request, body included, must arrive within this. */
  requestTimeoutMs: 60_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
} as const;

/** Orrery's HTTP server: header size capped (431 above it), slow or idle clients cut off. */
export function createHttpServer(listener: RequestListener): Server {
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: serverTimeouts.headersTimeoutMs,
      requestTimeout: serverTimeouts.requestTimeoutMs,
      keepAliveTimeout: serverTimeouts.keepAliveTimeoutMs,
      // Checks the timeouts above every second, so a slow client is cut off close to its deadline.
      connectionsCheckingInterval: 1_000,
      requireHostHeader: true,
    },
    listener,
  );
  server.headersTimeout = serverTimeouts.headersTimeoutMs;
  server.requestTimeout = serverTimeouts.requestTimeoutMs;
  server.keepAliveTimeout = serverTimeouts.keepAliveTimeoutMs;
  return server;
}
