import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { OriginPolicy } from "./originPolicy";
import { createRequestGate } from "./requestGate";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

// A server whose handler echoes the headers it was given, behind the gate.
async function start(bodyLimitFor?: (path: string) => number): Promise<number> {
  let port = 0;
  const gate = createRequestGate(() => new OriginPolicy({ listenHost: "127.0.0.1", port, allowedOrigins: [] }), bodyLimitFor);
  server = createServer((req, res) => {
    if (gate.http(req, res)) res.end(JSON.stringify(req.headers));
  });
  server.on("upgrade", (req, socket) => {
    if (gate.upgrade(req, socket)) socket.end("HTTP/1.1 418 Teapot\r\n\r\n");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return port;
}

// Raw bytes, so request lines that fetch would never send can be tried.
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
  });
}

const statusLine = (response: string) => response.split("\r\n")[0];

describe("request gate", () => {
  test("passes an ordinary request and adds the baseline headers", async () => {
    const port = await start();
    const response = await raw(port, `GET /pods HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusLine(response)).toBe("HTTP/1.1 200 OK");
    expect(response).toMatch(/X-Content-Type-Options: nosniff/i);
    expect(response).toMatch(/Referrer-Policy: same-origin/i);
  });

  test("refuses an absolute-form target aimed at another host", async () => {
    const port = await start();
    const response = await raw(port, `GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: 169.254.169.254\r\nConnection: close\r\n\r\n`);
    expect(statusLine(response)).toBe("HTTP/1.1 400 Bad Request");
    expect(response).toContain('"code":"bad_request"');
  });

  test("refuses a protocol-relative target", async () => {
    const port = await start();
    expect(statusLine(await raw(port, `GET //evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe("HTTP/1.1 400 Bad Request");
  });

  test("refuses a Host it does not serve (DNS rebinding) with 421", async () => {
    const port = await start();
    const response = await raw(port, `GET /api/healthz HTTP/1.1\r\nHost: rebind.evil.example:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusLine(response)).toBe("HTTP/1.1 421 Misdirected Request");
  });

  test("refuses an oversized query with 414 and a declared oversized body with 413", async () => {
    const port = await start();
    expect(statusLine(await raw(port, `GET /pods?q=${"a".repeat(9000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe("HTTP/1.1 414 URI Too Long");
    expect(statusLine(await raw(port, `POST /api/embed HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n`))).toBe("HTTP/1.1 413 Payload Too Large");
  });

  test("refuses bodies of unknown length outside the wrapped API routes", async () => {
    const port = await start();
    const chunked = (path: string) => raw(port, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n1\r\na\r\n0\r\n\r\n`);
    expect(statusLine(await chunked("/api/auth/callback/credentials"))).toBe("HTTP/1.1 411 Length Required");
    expect(statusLine(await chunked("/pods"))).toBe("HTTP/1.1 411 Length Required");
    expect(statusLine(await chunked("/api/embed"))).toBe("HTTP/1.1 200 OK");
  });

  test("drops x-middleware-subrequest before Next sees it", async () => {
    const port = await start();
    const response = await raw(port, `GET /pods HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-middleware-subrequest: middleware:middleware:middleware:middleware:middleware\r\nConnection: close\r\n\r\n`);
    expect(response).not.toContain("x-middleware-subrequest");
  });

  test("refuses upgrades aimed at other hosts", async () => {
    const port = await start();
    const upgrade = (target: string, host: string) => raw(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`);
    expect(statusLine(await upgrade("ws://169.254.169.254/api/stream", "169.254.169.254"))).toBe("HTTP/1.1 400 Bad Request");
    const misdirected = await upgrade("/api/stream", "internal.example:80");
    expect(statusLine(misdirected)).toBe("HTTP/1.1 421 Misdirected Request");
    // The same body an HTTP request gets, so curl and proxies' logs say why.
    expect(JSON.parse(misdirected.split("\r\n\r\n")[1]!)).toEqual({ error: { code: "misdirected_request", message: expect.stringMatching(/^host "internal.example:80" is not served here/) } });
    expect(statusLine(await upgrade("/api/stream", `127.0.0.1:${port}`))).toBe("HTTP/1.1 418 Teapot");
  });

  test("a path given a larger body limit accepts a declared body past 1 MiB, others still refuse it", async () => {
    const port = await start((path) => (path === "/api/prom/api/v1/write" ? Infinity : 1024 * 1024));
    const declared = (path: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n`;
    expect(statusLine(await raw(port, declared("/api/prom/api/v1/write?x=1")))).toBe("HTTP/1.1 200 OK");
    expect(statusLine(await raw(port, declared("/api/embed")))).toBe("HTTP/1.1 413 Payload Too Large");
  });
});
