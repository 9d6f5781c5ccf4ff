import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

export interface ApiResponse {
  status: number;
  headers: IncomingMessage["headers"];
  text: string;
  json: () => Record<string, unknown>;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Omit the Authorization header. */
  anonymous?: boolean;
}

/** A tiny client for tests against the demo apiserver (http, or https trusting `ca`). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly ca?: string,
  ) {}

  request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    return new Promise((resolve, reject) => {
      const payload = encodeBody(options.body);
      const headers = payload === undefined ? options.headers : { ...options.headers, "Content-Length": String(payload.length) };
      const req = this.open(method, path, { ...options, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(payload);
    });
  }

  get = (path: string, headers?: Record<string, string>) => this.request("GET", path, { headers });

  /** Opens a watch; events arrive parsed, one per line. */
  watch(path: string, headers?: Record<string, string>): Promise<WatchStream> {
    return new Promise((resolve, reject) => {
      const req = this.open("GET", path, { headers }, (res) => resolve(new WatchStream(res, () => req.destroy())));
      req.on("error", reject);
      req.end();
    });
  }

  private open(method: string, path: string, options: RequestOptions, onResponse: (res: IncomingMessage) => void) {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    if (!options.anonymous) headers.Authorization = `Bearer ${this.token}`;
    if (options.body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
    const params = { method, headers, ca: this.ca };
    return url.protocol === "https:" ? httpsRequest(url, params, onResponse) : httpRequest(url, params, onResponse);
  }

}

// Node sends a DELETE body only with an explicit Content-Length, so every body gets one.
function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
}

export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: { name?: string; resourceVersion?: string } };
}

/** Collects newline-delimited watch events and lets a test wait for them. */
export class WatchStream {
  readonly events: WatchEvent[] = [];
  ended = false;
  private buffer = "";
  private waiters: (() => void)[] = [];

  constructor(
    readonly response: IncomingMessage,
    readonly close: () => void,
  ) {
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => this.take(chunk));
    response.on("end", () => this.finish());
    response.on("close", () => this.finish());
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** Resolves once `predicate` holds for the collected events, or rejects after `timeoutMs`. */
  until(predicate: (events: WatchEvent[]) => boolean, timeoutMs = 5000): Promise<WatchEvent[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(this.events)) {
          clearTimeout(timer);
          resolve(this.events);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`watch condition not met; saw ${JSON.stringify(this.events.map((e) => `${e.type} ${e.object.metadata?.name ?? ""}`))}`)), timeoutMs);
      if (check()) return;
      const waiter = () => {
        if (!check()) this.waiters.push(waiter);
      };
      this.waiters.push(waiter);
    });
  }

  untilEnded(timeoutMs = 5000): Promise<WatchEvent[]> {
    return this.until(() => this.ended, timeoutMs);
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf("\n");
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim() !== "") this.events.push(JSON.parse(line) as WatchEvent);
      newline = this.buffer.indexOf("\n");
    }
    this.wake();
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
