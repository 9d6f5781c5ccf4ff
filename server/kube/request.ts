import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { KubeConfig } from "@kubernetes/client-node";
import { WebSocket } from "ws";
import { KubeConnectionError, KubeCredentialsError } from "./errors";

export interface KubeRequestInit {
  method?: string;
  /** A string or bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  /** Override the kubeconfig's; an array sends the header once per value (Impersonate-Group). */
  headers?: Record<string, string | string[]>;
  /**
   * "none" sends no kubeconfig credentials (no token, no client certificate), only its TLS trust:
   * for requests that carry a person's own bearer token.
   */
  credentials?: "kubeconfig" | "none";
  signal?: AbortSignal;
  /** Content-Type of the body; JSON unless told otherwise (e.g. "application/merge-patch+json"). */
  contentType?: string;
}

export interface KubeWebSocketInit {
  /** As on KubeRequestInit; an array sends the header once per value. */
  headers?: Record<string, string | string[]>;
  /** Subprotocols offered, preferred first (e.g. v5.channel.k8s.io, v4.channel.k8s.io). */
  protocols?: string[];
  /** As on KubeRequestInit: "none" keeps only the kubeconfig's TLS trust. */
  credentials?: "kubeconfig" | "none";
  /** Largest frame accepted from the apiserver (default 16 MiB). */
  maxPayload?: number;
}

/** An upgraded socket, paused until the caller's `resume()`, or the apiserver's plain HTTP answer to the upgrade (a Status body, usually). */
export type KubeWebSocketResult = { ok: true; socket: WebSocket } | { ok: false; status: number; body: string };

/** An apiserver answer of any status; the body is a stream so watches and log follows can be read as they arrive. */
export interface KubeResponse {
  status: number;
  /** Lower-case header names, as Node gives them. */
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
  text(): Promise<string>;
  json<T = unknown>(): Promise<T>;
}

// Names Orrery in the apiserver's audit log and request metrics.
const userAgent = `orrery/0.1 (node ${process.version})`;

type TlsOptions = Pick<https.AgentOptions, "ca" | "cert" | "key" | "pfx" | "passphrase" | "rejectUnauthorized" | "servername">;
const tlsFields = ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "servername"] as const;

/**
 * Sends requests to one apiserver with the kubeconfig's credentials.
 * Credentials are applied per request (exec plugins and token files refresh), while the agent,
 * and so the keep-alive sockets, is reused until the TLS material changes.
 */
export class KubeRequester {
  private agent: http.Agent | undefined;
  private agentFingerprint = "";
  private anonymousAgent: http.Agent | undefined;
  private anonymousFingerprint = "";

  constructor(private readonly kubeConfig: KubeConfig, readonly server: string) {}

  async request(path: string, init: KubeRequestInit = {}): Promise<KubeResponse> {
    const url = new URL(this.server.replace(/\/+$/, "") + path);
    const options = init.credentials === "none" ? this.anonymousOptions(url) : await this.authenticatedOptions(url);
    const headers: Record<string, string | string[]> = { Accept: "application/json", "User-Agent": userAgent, ...options.headers, ...init.headers };
    const payload = encodeBody(init.body);
    if (payload !== undefined) {
      headers["Content-Type"] = init.contentType ?? "application/json";
      headers["Content-Length"] = String(payload.byteLength);
    }
    const transport = url.protocol === "https:" ? https : http;
    return new Promise<KubeResponse>((resolve, reject) => {
      const req = transport.request(url, { method: init.method ?? "GET", headers, agent: options.agent, signal: init.signal });
      req.on("error", (error) => reject(new KubeConnectionError(this.server, error)));
      req.on("response", (res) => resolve(wrapResponse(res, this.server)));
      req.end(payload);
    });
  }

  /** Opens a websocket (exec, attach, port-forward) with the same credentials and TLS as `request`. */
  async openWebSocket(path: string, init: KubeWebSocketInit = {}): Promise<KubeWebSocketResult> {
    const url = new URL(this.server.replace(/\/+$/, "") + path);
    const options = init.credentials === "none" ? this.anonymousOptions(url) : await this.authenticatedOptions(url);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    // Node sends an array header once per value, as for Impersonate-Group on plain requests; ws's typing says string only.
    const headers = { "User-Agent": userAgent, ...options.headers, ...init.headers } as Record<string, string>;
    const socket = new WebSocket(url, init.protocols ?? [], { headers, agent: options.agent, perMessageDeflate: false, maxPayload: init.maxPayload ?? 16 * 1024 * 1024, handshakeTimeout: 30_000 });
    return new Promise<KubeWebSocketResult>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => !settled && ((settled = true), outcome());
      // Paused before the first frame is read, so nothing is lost while the caller gets ready to listen.
      socket.once("open", () => settle(() => (socket.pause(), resolve({ ok: true, socket }))));
      socket.on("error", (error) => settle(() => reject(new KubeConnectionError(this.server, error))));
      socket.once("unexpected-response", (req, res) => {
        readLimited(res, 64 * 1024)
          .then((body) => settle(() => resolve({ ok: false, status: res.statusCode ?? 0, body })))
          .catch((error: unknown) => settle(() => reject(new KubeConnectionError(this.server, error))))
          .finally(() => req.destroy());
      });
    });
  }

  private async authenticatedOptions(url: URL): Promise<{ headers: Record<string, string>; agent: http.Agent }> {
    const options: https.RequestOptions = { headers: {} };
    try {
      await this.kubeConfig.applyToHTTPSOptions(options);
    } catch (error) {
      // client-node refuses plain http:// without insecure-skip-tls-verify after it has applied the credentials; kubectl allows it.
      if (!(url.protocol === "http:" && /HTTP protocol is not allowed/.test(String(error)))) throw new KubeCredentialsError(this.server, error);
    }
    const headers = flattenHeaders(options.headers);
    if (options.auth && !headers.Authorization) headers.Authorization = `Basic ${Buffer.from(options.auth).toString("base64")}`;
    return { headers, agent: this.agentFor(url, options) };
  }

  // The cluster's CA and TLS settings without any client certificate, on sockets of their own.
  private anonymousOptions(url: URL): { headers: Record<string, string>; agent: http.Agent } {
    const cluster = this.kubeConfig.getCurrentCluster();
    const tls: TlsOptions = {};
    if (cluster?.caData) tls.ca = Buffer.from(cluster.caData, "base64");
    else if (cluster?.caFile) tls.ca = readFileSync(cluster.caFile);
    if (cluster?.skipTLSVerify) tls.rejectUnauthorized = false;
    if (cluster?.tlsServerName) tls.servername = cluster.tlsServerName;
    const fingerprint = fingerprintOf(url.protocol, tls);
    if (!this.anonymousAgent || fingerprint !== this.anonymousFingerprint) {
      this.anonymousAgent = url.protocol === "https:" ? new https.Agent({ keepAlive: true, ...tls }) : new http.Agent({ keepAlive: true });
      this.anonymousFingerprint = fingerprint;
    }
    return { headers: {}, agent: this.anonymousAgent };
  }

  private agentFor(url: URL, options: https.RequestOptions): http.Agent {
    const tls: TlsOptions = {};
    for (const field of tlsFields) if (options[field] !== undefined) Object.assign(tls, { [field]: options[field] });
    const fingerprint = fingerprintOf(url.protocol, tls);
    if (this.agent && fingerprint === this.agentFingerprint) return this.agent;
    const proxied = Boolean(this.kubeConfig.getCurrentCluster()?.proxyUrl);
    // A proxy agent comes from client-node (socks/http proxies); otherwise a keep-alive agent of our own.
    const agent = proxied && options.agent instanceof http.Agent
      ? options.agent
      : url.protocol === "https:" ? new https.Agent({ keepAlive: true, ...tls }) : new http.Agent({ keepAlive: true });
    this.agent = agent;
    this.agentFingerprint = fingerprint;
    return agent;
  }
}

function fingerprintOf(protocol: string, tls: TlsOptions): string {
  const hash = createHash("sha256").update(protocol);
  for (const field of tlsFields) hash.update(`|${field}=`).update(String(stringifyTls(tls[field])));
  return hash.digest("hex");
}

function stringifyTls(value: unknown): string {
  if (value === undefined) return "";
  if (Buffer.isBuffer(value) || typeof value === "string" || typeof value === "boolean") return value.toString();
  return JSON.stringify(value);
}

function flattenHeaders(raw: http.OutgoingHttpHeaders | readonly string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!raw || Array.isArray(raw)) return headers;
  for (const [name, value] of Object.entries(raw as http.OutgoingHttpHeaders)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return headers;
}

function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(JSON.stringify(body));
}

async function readLimited(res: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    if (size >= limit) break;
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, limit);
}

function wrapResponse(res: IncomingMessage, server: string): KubeResponse {
  const text = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of res) chunks.push(chunk as Buffer);
    } catch (error) {
      throw new KubeConnectionError(server, error);
    }
    return Buffer.concat(chunks).toString("utf8");
  };
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: res,
    text,
    json: async <T>() => JSON.parse(await text()) as T,
  };
}
