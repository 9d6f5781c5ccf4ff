import { WebSocket } from "ws";
import type { ExecServerMessage } from "@/lib/wire/exec";

/** What a browser terminal saw on /api/exec: JSON messages, terminal output, and how the socket closed. */
export interface ExecClient {
  ws: WebSocket;
  messages: ExecServerMessage[];
  output(): string;
  type(text: string): void;
  resize(cols: number, rows: number): void;
  /** Resolves once the output holds `text`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** An upgrade refused before the handshake: the HTTP status. */
export interface UpgradeRefusal {
  statusCode: number;
}

/** Opens /api/exec like the browser does; rejects with the HTTP status when the upgrade is refused. */
export function openExecClient(url: string, headers: Record<string, string>): Promise<ExecClient> {
  const ws = new WebSocket(url, { headers });
  const messages: ExecServerMessage[] = [];
  let output = "";
  const listeners = new Set<() => void>();
  ws.on("message", (data: Buffer, isBinary) => {
    if (isBinary) output += data.toString("utf8");
    else messages.push(JSON.parse(data.toString("utf8")) as ExecServerMessage);
    for (const listener of listeners) listener();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  const waitForOutput = (text: string, timeoutMs = 5_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => output.includes(text) && (listeners.delete(check), clearTimeout(timer), resolve());
      const timer = setTimeout(() => (listeners.delete(check), reject(new Error(`timed out waiting for ${JSON.stringify(text)}; output so far: ${JSON.stringify(output)}`))), timeoutMs);
      listeners.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    ws.once("unexpected-response", (req, res) => {
      req.destroy();
      reject({ statusCode: res.statusCode ?? 0 } satisfies UpgradeRefusal);
    });
    ws.once("error", reject);
    ws.once("open", () =>
      resolve({
        ws,
        messages,
        output: () => output,
        type: (text) => ws.send(Buffer.from(text), { binary: true }),
        resize: (cols, rows) => ws.send(JSON.stringify({ type: "resize", cols, rows })),
        waitForOutput,
        closed,
      }),
    );
  });
}
