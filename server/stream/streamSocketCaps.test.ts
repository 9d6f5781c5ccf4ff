import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { StreamCloseCode } from "@/lib/wire/stream";
import type { Person } from "../auth/person";
import { createStreamServer, type StreamServer } from "./streamServer";
import { FakeCache } from "./testing/fakeCache";
import { TestClient } from "./testing/testClient";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const people: Record<string, Person> = {
  alice: { name: "alice", groups: [], via: "session", sessionId: "s-alice", readOnly: false },
  bob: { name: "bob", groups: [], via: "session", sessionId: "s-bob", readOnly: false },
  wall: { name: "alice", groups: [], via: "embed", scope: "/pods", sessionId: "embed:t1", readOnly: true },
};

async function start(): Promise<{ stream: StreamServer; url: string }> {
  const stream = createStreamServer({
    cache: new FakeCache(),
    coalesceMs: 0,
    sockets: { perPerson: 2, perEmbedToken: 1 },
    authorize: (req) => {
      const person = people[new URL(req.url ?? "/", "http://test.invalid").searchParams.get("as") ?? ""];
      return person ? { ok: true, person } : { ok: false, status: 401, reason: "Unauthorized" };
    },
    accessFor: () => ({ listScope: async () => ({ all: true }) }),
  });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return { stream, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream` };
}

async function open(url: string, as: string): Promise<TestClient> {
  const client = await TestClient.connect(`${url}?as=${as}`);
  cleanups.push(() => client.close());
  return client;
}

describe("stream sockets per person", () => {
  test("a person's socket over the cap is closed with 4429 and a reason naming the cap; others are not affected", async () => {
    const { stream, url } = await start();
    const first = await open(url, "alice");
    await open(url, "alice");
    const third = await open(url, "alice");
    expect(await third.closed()).toEqual({ code: StreamCloseCode.TooManyConnections, reason: "alice already has 2 open live connections, the most one person may; close some and try again" });
    await open(url, "bob");
    await first.next("status");
    expect(stream.clientCount()).toBe(3);

    first.close();
    await vi.waitFor(async () => {
      const again = await open(url, "alice");
      expect(await again.next("status", 500)).toMatchObject({ type: "status" });
    }, { timeout: 5_000, interval: 50 });
  });

  test("an embed link has its own, smaller cap, apart from the person who made it", async () => {
    const { url } = await start();
    await open(url, "wall");
    const second = await open(url, "wall");
    expect(await second.closed()).toMatchObject({ code: StreamCloseCode.TooManyConnections, reason: expect.stringMatching(/^this embed link already has 1 open live connections/) });
    const maker = await open(url, "alice");
    await maker.next("status");
  });

  test("an upgrade refused by authorize is not counted", async () => {
    const { url } = await start();
    await expect(TestClient.connect(`${url}?as=nobody`)).rejects.toThrow(/401/);
    await open(url, "alice");
    await (await open(url, "alice")).next("status");
  });
});
