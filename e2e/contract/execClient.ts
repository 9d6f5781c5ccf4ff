import type https from "node:https";
import { WebSocket } from "ws";
import type { StatusBody } from "./http";
import type { ContractTarget } from "./target";

/** Stream ids of the channel.k8s.io protocols: the first byte of every binary frame. */
export enum Channel {
  StdIn = 0,
  StdOut = 1,
  StdErr = 2,
  Error = 3,
  Resize = 4,
}

export const execProtocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"];

export interface ExecResult {
  /** The subprotocol the server chose. */
  protocol: string;
  stdout: string;
  stderr: string;
  /** Channels in the order frames arrived (close signals of v5 included as 255). */
  channels: number[];
  /** The Status on the error channel, if one came. */
  status?: StatusBody;
  closeCode: number;
}

export interface ExecRefusal {
  httpStatus: number;
  body: string;
}

/** Runs `command` in a pod over the websocket exec API the way kubectl 1.30+ does (no stdin, no tty). */
export async function execInPod(target: ContractTarget, pod: string, command: string[], container = "app", timeoutMs = 20_000): Promise<ExecResult> {
  const params = new URLSearchParams({ container, stdout: "true", stderr: "true" });
  for (const part of command) params.append("command", part);
  const url = `${target.connection.server.replace(/^http/, "ws")}/api/v1/namespaces/${target.namespace}/pods/${pod}/exec?${params}`;
  const options: https.RequestOptions = { headers: {} };
  await target.connection.kubeConfig.applyToHTTPSOptions(options);
  const ws = new WebSocket(url, execProtocols, { ca: options.ca, cert: options.cert, key: options.key, headers: options.headers as Record<string, string>, rejectUnauthorized: options.rejectUnauthorized });
  return collect(ws, timeoutMs);
}

function collect(ws: WebSocket, timeoutMs: number): Promise<ExecResult> {
  const result: ExecResult = { protocol: "", stdout: "", stderr: "", channels: [], closeCode: 0 };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`exec did not finish within ${timeoutMs} ms; stdout so far ${JSON.stringify(result.stdout)}`));
    }, timeoutMs);
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        clearTimeout(timer);
        reject(Object.assign(new Error(`exec was refused with HTTP ${res.statusCode}: ${body}`), { refusal: { httpStatus: res.statusCode ?? 0, body } satisfies ExecRefusal }));
      });
    });
    ws.on("open", () => (result.protocol = ws.protocol));
    ws.on("message", (data: Buffer) => readFrame(result, data));
    ws.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ...result, closeCode: code });
    });
  });
}

function readFrame(result: ExecResult, data: Buffer): void {
  const channel = data[0];
  if (channel === undefined) return;
  result.channels.push(channel);
  const payload = data.subarray(1).toString("utf8");
  if (channel === Channel.StdOut) result.stdout += payload;
  if (channel === Channel.StdErr) result.stderr += payload;
  if (channel === Channel.Error && payload.length > 0) result.status = JSON.parse(payload) as StatusBody;
}
