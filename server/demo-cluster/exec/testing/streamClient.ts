import { WebSocket } from "ws";
import { Channel } from "../channels";

/** What a remote-command client saw: text per channel, the status JSON, how the socket closed. */
export interface StreamResult {
  stdout: string;
  stderr: string;
  status?: Record<string, unknown>;
  closeCode: number;
  frames: Buffer[];
}

export interface StreamClient {
  ws: WebSocket;
  protocol: string;
  stdin(text: string): void;
  closeStdin(): void;
  resize(width: number, height: number): void;
  /** Resolves once stdout holds `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  done: Promise<StreamResult>;
}

export interface HttpRefusal {
  statusCode: number;
  body: Record<string, unknown>;
}

/** Opens an exec/attach websocket like kubectl does; rejects with the HTTP answer if not upgraded. */
export function openStream(url: string, protocols: string[]): Promise<StreamClient> {
  const ws = new WebSocket(url, protocols);
  const frames: Buffer[] = [];
  const text = { stdout: "", stderr: "" };
  let status: Record<string, unknown> | undefined;
  const listeners = new Set<() => void>();
  ws.on("message", (data: Buffer) => {
    frames.push(data);
    if (data[0] === Channel.StdOut) text.stdout += data.subarray(1).toString("utf8");
    if (data[0] === Channel.StdErr) text.stderr += data.subarray(1).toString("utf8");
    if (data[0] === Channel.Error && data.length > 1) status = JSON.parse(data.subarray(1).toString("utf8")) as Record<string, unknown>;
    for (const listener of listeners) listener();
  });
  const done = new Promise<StreamResult>((resolve) => ws.on("close", (code) => resolve({ ...text, status, closeCode: code, frames })));
  const send = (bytes: number[], payload = "") => ws.send(Buffer.concat([Buffer.from(bytes), Buffer.from(payload)]));
  return new Promise((resolve, reject) => {
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => reject({ statusCode: res.statusCode ?? 0, body: JSON.parse(body || "{}") as Record<string, unknown> } satisfies HttpRefusal));
    });
    ws.on("error", (error) => reject(error));
    ws.on("open", () => resolve({
      ws,
      protocol: ws.protocol,
      stdin: (data) => send([Channel.StdIn], data),
      closeStdin: () => send([255, Channel.StdIn]),
      resize: (width, height) => send([Channel.Resize], JSON.stringify({ Width: width, Height: height })),
      waitFor: (wanted, timeoutMs) => waitForText(() => text.stdout, listeners, wanted, timeoutMs),
      done,
    }));
  });
}

function waitForText(current: () => string, listeners: Set<() => void>, wanted: string, timeoutMs = 3_000): Promise<void> {
  return new Promise((ok, fail) => {
    const check = () => {
      if (!current().includes(wanted)) return;
      listeners.delete(check);
      clearTimeout(timer);
      ok();
    };
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${JSON.stringify(wanted)}; stdout so far: ${JSON.stringify(current())}`)), timeoutMs);
    listeners.add(check);
    check();
  });
}

export function execUrl(base: string, pod: string, query: Record<string, string | string[]>, kind = "exec"): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  return `${base.replace(/^http/, "ws")}/api/v1/namespaces/default/pods/${pod}/${kind}?${params}`;
}
