import { compress } from "snappyjs";
import { writeRequestType } from "../remoteWrite/writeRequestSchema";

/** A WriteRequest as a sender encodes it: protobuf, then a snappy block. */
export function encodeWriteRequest(request: Record<string, unknown>): Uint8Array {
  const message = writeRequestType.fromObject(request);
  return compress(writeRequestType.encode(message).finish());
}

export function writeHttpRequest(body: Uint8Array, headers: Record<string, string> = {}): Request {
  return new Request("http://orrery.test/api/prom/api/v1/write", {
    method: "POST",
    headers: { "content-type": "application/x-protobuf", "content-encoding": "snappy", "x-prometheus-remote-write-version": "0.1.0", ...headers },
    body: new Uint8Array(body),
  });
}
