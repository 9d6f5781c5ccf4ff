import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { readApiError } from "@/lib/wire/readApiError";
import { createUpgradeRouter } from "./upgradeRouter";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function rawAnswer(target: string): Promise<string> {
  const seen: string[] = [];
  server = createServer();
  server.on("upgrade", createUpgradeRouter({ "/api/stream": (_req, socket) => { seen.push("stream"); socket.end("HTTP/1.1 418 Teapot\r\n\r\n"); } }));
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  const { port } = server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`);
    });
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
  });
}

const rawUpgrade = async (target: string) => (await rawAnswer(target)).split("\r\n")[0]!;

// The refusal as a fetch Response, as a client (or curl) would read it.
function asResponse(raw: string): Response {
  const [head, body] = raw.split("\r\n\r\n") as [string, string];
  const [statusLine, ...lines] = head.split("\r\n");
  const [, status, statusText] = /^HTTP\/1\.1 (\d+) (.*)$/.exec(statusLine!)!;
  const headers = new Headers(lines.map((line) => line.split(/:\s*/, 2) as [string, string]));
  return new Response(body, { status: Number(status), statusText, headers });
}

describe("createUpgradeRouter", () => {
  test("hands a known path to its handler", async () => {
    expect(await rawUpgrade("/api/stream?x=1")).toBe("HTTP/1.1 418 Teapot");
  });

  test("answers an unknown path with 404 and closes", async () => {
    expect(await rawUpgrade("/api/other")).toBe("HTTP/1.1 404 Not Found");
  });

  test("refuses an absolute-form target aimed at another host", async () => {
    expect(await rawUpgrade("http://169.254.169.254/api/stream")).toBe("HTTP/1.1 400 Bad Request");
  });

  test("a refusal carries Orrery's error body, which the client reader turns into a sentence", async () => {
    const refusal = asResponse(await rawAnswer("/api/other"));
    expect(refusal.headers.get("content-type")).toBe("application/json");
    const error = await readApiError(refusal);
    expect([error.status, error.code, error.message]).toEqual([404, "not_found", "no websocket is served at this path; Orrery serves /api/stream and /api/exec"]);
  });
});
