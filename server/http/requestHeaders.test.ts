import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, test } from "vitest";
import { headerOf } from "./requestHeaders";

function incoming(headers: IncomingMessage["headers"]): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

describe("headerOf", () => {
  test("reads a header the same way from a Request, an IncomingMessage and a plain record", () => {
    const sources = [
      new Request("http://h/", { headers: [["X-Forwarded-For", "1.1.1.1"], ["x-forwarded-for", "2.2.2.2"]] }),
      incoming({ "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] }),
      { headers: { "X-Forwarded-For": ["1.1.1.1", "2.2.2.2"] } },
    ];
    for (const source of sources) {
      expect(headerOf(source, "X-FORWARDED-FOR")).toBe("1.1.1.1, 2.2.2.2");
      expect(headerOf(source, "authorization")).toBeUndefined();
    }
  });

  test("ignores values that are not text in a plain record", () => {
    expect(headerOf({ headers: { host: 42, cookie: [1, "a=b"] } }, "host")).toBeUndefined();
    expect(headerOf({ headers: { cookie: [1, "a=b"] } }, "cookie")).toBe("a=b");
  });
});
