import { beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { login } from "./harness/http";
import { noteOutcome, suite } from "./harness/suiteContext";

type Attempt = { open: true; ws: WebSocket } | { open: false; code: number; reason: string };

/** Opens /api/stream as a page would; open once the status message arrives, else how the server closed it. */
function openStream(cookie: string): Promise<Attempt> {
  const ws = new WebSocket(`ws://127.0.0.1:${suite().port}/api/stream`, { headers: { origin: suite().baseUrl, cookie } });
  return new Promise((resolve, reject) => {
    ws.once("message", () => resolve({ open: true, ws }));
    ws.once("close", (code, reason) => resolve({ open: false, code, reason: String(reason) }));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`stream refused at the HTTP upgrade: ${res.statusCode}`)));
  });
}

let dev: string;
beforeAll(async () => {
  dev = await login("dev");
});

describe("stream sockets per person", () => {
  test("one login opening stream sockets without end is refused past 32 with 4429 and the reason; a closed one frees its place", async ({ task }) => {
    const open: WebSocket[] = [];
    let refusal: Extract<Attempt, { open: false }> | undefined;
    try {
      for (let i = 0; i < 40 && !refusal; i++) {
        const attempt = await openStream(dev);
        if (attempt.open) open.push(attempt.ws);
        else refusal = attempt;
      }
      noteOutcome(task, `${open.length} open, then ${refusal ? `closed ${refusal.code} "${refusal.reason}"` : "never refused"}`);
      expect(refusal).toEqual({ open: false, code: 4429, reason: "dev already has 32 open live connections, the most one person may; close some and try again" });
      expect(open.length).toBeLessThanOrEqual(32);

      const closing = open.pop()!;
      await new Promise((resolve) => closing.once("close", resolve).close());
      let again = await openStream(dev);
      for (let tries = 0; tries < 20 && !again.open; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        again = await openStream(dev);
      }
      expect(again.open).toBe(true);
      if (again.open) open.push(again.ws);
    } finally {
      open.forEach((ws) => ws.terminate());
    }
  });
});
