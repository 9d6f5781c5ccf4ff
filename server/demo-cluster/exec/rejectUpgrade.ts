import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { statusBody } from "../http/status";
import type { StatusError } from "../logs/statusError";

/** Answers an upgrade request with a metav1.Status over plain HTTP and closes the socket. */
export function rejectUpgrade(socket: Duplex, error: StatusError): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(statusBody(error.code, error.reason, error.message));
  socket.end(
    `HTTP/1.1 ${error.code} ${STATUS_CODES[error.code] ?? "Error"}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}
