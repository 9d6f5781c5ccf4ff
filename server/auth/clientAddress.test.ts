import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, test } from "vitest";
import { TrustedProxies } from "../http/trustedProxies";
import { clientAddress, remoteAddressHeader, stampRemoteAddress } from "./clientAddress";

function requestFrom(peer: string, headers: IncomingMessage["headers"] = {}): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  Object.defineProperty(req.socket, "remoteAddress", { value: peer });
  req.headers = headers;
  return req;
}

const ingress = new TrustedProxies(["10.0.0.0/8", "fd00::/8"]);

describe("clientAddress", () => {
  test("the custom server's stamp replaces what a client sent", () => {
    const req = requestFrom("10.0.0.7", { [remoteAddressHeader]: "1.2.3.4" });
    stampRemoteAddress(req);
    expect(req.headers[remoteAddressHeader]).toBe("10.0.0.7");
    expect(clientAddress({ headers: req.headers })).toBe("10.0.0.7");
  });

  test("a forged X-Forwarded-For from an untrusted peer changes nothing", () => {
    const req = requestFrom("203.0.113.9", { "x-forwarded-for": "10.0.0.1, 198.51.100.1", [remoteAddressHeader]: "198.51.100.1" });
    stampRemoteAddress(req, ingress);
    expect(clientAddress(req)).toBe("203.0.113.9");
    expect(clientAddress({ headers: req.headers })).toBe("203.0.113.9");
  });

  test("behind trusted proxies the client is the first untrusted hop from the right", () => {
    const req = requestFrom("::ffff:10.0.0.2", { "x-forwarded-for": ["6.6.6.6, 198.51.100.7", "10.0.0.1"] });
    stampRemoteAddress(req, ingress);
    expect(clientAddress(req)).toBe("198.51.100.7");
    expect(clientAddress(new Request("http://h/", { headers: { [remoteAddressHeader]: String(req.headers[remoteAddressHeader]) } }))).toBe("198.51.100.7");
  });

  test("an unstamped request never takes its address from what the client wrote", () => {
    expect(clientAddress(requestFrom("::ffff:203.0.113.9", { [remoteAddressHeader]: "1.2.3.4", "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.9");
    expect(clientAddress(new Request("http://h/", { headers: { "x-forwarded-for": "6.6.6.6, 10.0.0.9" } }))).toBe("unknown");
    expect(clientAddress({ headers: {} })).toBe("unknown");
  });
});
