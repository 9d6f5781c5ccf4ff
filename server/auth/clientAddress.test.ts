import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, test } from "vitest";
import { clientAddress, remoteAddressHeader, stampRemoteAddress } from "./clientAddress";

describe("clientAddress", () => {
  test("the custom server's stamp replaces what a client sent", () => {
    const req = new IncomingMessage(new Socket());
    req.headers[remoteAddressHeader] = "1.2.3.4";
    Object.defineProperty(req.socket, "remoteAddress", { value: "10.0.0.7" });
    stampRemoteAddress(req);
    expect(req.headers[remoteAddressHeader]).toBe("10.0.0.7");
    expect(clientAddress({ headers: req.headers })).toBe("10.0.0.7");
  });

  test("inside Next: the stamp, else the last x-forwarded-for hop", () => {
    expect(clientAddress(new Request("http://h/", { headers: { [remoteAddressHeader]: "10.0.0.8", "x-forwarded-for": "6.6.6.6" } }))).toBe("10.0.0.8");
    expect(clientAddress(new Request("http://h/", { headers: { "x-forwarded-for": "6.6.6.6, 10.0.0.9" } }))).toBe("10.0.0.9");
    expect(clientAddress({ headers: {} })).toBe("unknown");
  });
});
