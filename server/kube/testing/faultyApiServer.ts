import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { KubeObject } from "../types";

// A tiny apiserver for informer tests: real list/watch semantics plus faults on demand.

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface Fault {
  status: number;
  /** Seconds for a Retry-After header. */
  retryAfter?: number;
  /** Which requests the fault hits. */
  match?: "list" | "watch" | "any";
}

interface Watcher {
  path: string;
  res: ServerResponse;
  stalled: boolean;
}

interface HistoryEntry {
  rv: number;
  path: string;
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
}

const objectKey = (object: KubeObject) => `${object.metadata.namespace ?? ""}/${object.metadata.name}`;

export class FaultyApiServer {
  readonly requests: RecordedRequest[] = [];
  /** How an expired resourceVersion is told to a watch: HTTP 410, or 200 with an ERROR event (what kube-apiserver does). */
  expiredWatchStyle: "http" | "event" = "event";
  private rv = 100;
  private compactedRV = 0;
  private readonly collections = new Map<string, Map<string, KubeObject>>();
  private history: HistoryEntry[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly faults: Fault[] = [];
  private readonly snapshots = new Map<string, { rv: number; items: KubeObject[] }>();
  private expireNextContinue = false;
  private down = false;

  private constructor(private readonly server: http.Server, readonly url: string) {}

  static async start(port = 0): Promise<FaultyApiServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    const { port: actual } = server.address() as AddressInfo;
    const instance = new FaultyApiServer(server, `http://127.0.0.1:${actual}`);
    server.on("request", (req, res) => instance.handle(req, res));
    return instance;
  }

  async close(): Promise<void> {
    for (const watcher of this.watchers) watcher.res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The server's truth for one collection path, e.g. "/api/v1/pods". */
  objects(path: string): KubeObject[] {
    return [...(this.collections.get(path)?.values() ?? [])].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));
  }

  create(path: string, object: KubeObject): KubeObject {
    const stored = { ...structuredClone(object), metadata: { ...structuredClone(object.metadata), uid: randomUUID(), resourceVersion: String(++this.rv) } };
    this.collection(path).set(objectKey(stored), stored);
    this.record({ rv: this.rv, path, type: "ADDED", object: stored });
    return stored;
  }

  update(path: string, namespace: string | undefined, name: string, change: (draft: KubeObject) => void, opts: { cutMidLine?: boolean } = {}): KubeObject {
    const current = this.collection(path).get(`${namespace ?? ""}/${name}`);
    if (!current) throw new Error(`no ${path} ${namespace}/${name}`);
    const draft = structuredClone(current);
    change(draft);
    draft.metadata.resourceVersion = String(++this.rv);
    this.collection(path).set(objectKey(draft), draft);
    this.record({ rv: this.rv, path, type: "MODIFIED", object: draft }, opts.cutMidLine);
    return draft;
  }

  remove(path: string, namespace: string | undefined, name: string): void {
    const current = this.collection(path).get(`${namespace ?? ""}/${name}`);
    if (!current) throw new Error(`no ${path} ${namespace}/${name}`);
    this.collection(path).delete(objectKey(current));
    const object = { ...current, metadata: { ...current.metadata, resourceVersion: String(++this.rv) } };
    this.record({ rv: this.rv, path, type: "DELETED", object });
  }

  /** Forgets history up to now: watches from older versions and old continue tokens get 410. */
  compact(): void {
    this.compactedRV = this.rv;
    this.history = [];
  }

  /** Queues faults answered instead of the next matching requests, in order. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  expireContinueOnce(): void {
    this.expireNextContinue = true;
  }

  /** While down, open watches are dropped and every request is answered 503. */
  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const watcher of this.watchers) watcher.res.destroy();
  }

  openWatches(path?: string): number {
    return [...this.watchers].filter((w) => path === undefined || w.path === path).length;
  }

  /** Serves `path` (e.g. "/api/v1/pods") as a collection, empty until objects are created. */
  addCollection(path: string): void {
    this.collection(path);
  }

  /** A BOOKMARK at the current resourceVersion on every open, not stalled watch. */
  sendBookmark(): void {
    const line = JSON.stringify({ type: "BOOKMARK", object: { kind: "Bookmark", metadata: { resourceVersion: String(this.rv) } } }) + "\n";
    for (const watcher of this.watchers) if (!watcher.stalled) watcher.res.write(line);
  }

  /** Sends an ERROR event (e.g. 410 Expired, 500) on every open watch and ends them. */
  sendWatchError(code: number, reason: string, message: string): void {
    for (const watcher of [...this.watchers]) {
      watcher.res.end(JSON.stringify({ type: "ERROR", object: statusBody(code, reason, message) }) + "\n");
      this.watchers.delete(watcher);
    }
  }

  /** Writes raw text on every open watch, e.g. a line that is not JSON. */
  sendRaw(text: string): void {
    for (const watcher of this.watchers) watcher.res.write(text);
  }

  /** Open watches stop receiving anything (the connection stays open), as a dead proxy would. */
  stallWatches(): void {
    for (const watcher of this.watchers) watcher.stalled = true;
  }

  /** Ends open watches the normal way, as a server-side timeout does. */
  endWatches(): void {
    for (const watcher of [...this.watchers]) watcher.res.end();
    this.watchers.clear();
  }

  requestsTo(path: string, kind: "list" | "watch"): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path && (r.query.watch === "1") === (kind === "watch"));
  }

  private collection(path: string): Map<string, KubeObject> {
    let collection = this.collections.get(path);
    if (!collection) {
      collection = new Map();
      this.collections.set(path, collection);
    }
    return collection;
  }

  private record(entry: HistoryEntry, cutMidLine = false): void {
    this.history.push(entry);
    const line = JSON.stringify({ type: entry.type, object: entry.object }) + "\n";
    for (const watcher of [...this.watchers]) {
      if (watcher.path !== entry.path || watcher.stalled) continue;
      if (!cutMidLine) {
        watcher.res.write(line);
        continue;
      }
      this.watchers.delete(watcher);
      watcher.res.write(line.slice(0, Math.floor(line.length / 2)), () => watcher.res.socket?.destroy());
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? "GET", path: url.pathname, query, headers: req.headers, at: Date.now() });
    if (this.down) return sendStatus(res, 503, "ServiceUnavailable", "the apiserver is shutting down");
    const fault = this.takeFault(query.watch === "1" ? "watch" : "list");
    if (fault) return sendStatus(res, fault.status, reasonFor(fault.status), `injected fault ${fault.status}`, fault.retryAfter);
    if (!this.collections.has(url.pathname)) return sendStatus(res, 404, "NotFound", `the server could not find the requested resource (${url.pathname})`);
    if (query.watch === "1") return this.serveWatch(url.pathname, query, res);
    this.serveList(url.pathname, query, res);
  }

  private takeFault(kind: "list" | "watch"): Fault | undefined {
    const index = this.faults.findIndex((f) => (f.match ?? "any") === "any" || f.match === kind);
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }

  private serveList(path: string, query: Record<string, string>, res: ServerResponse): void {
    const limit = Number(query.limit ?? 0);
    let snapshot = { rv: this.rv, items: this.objects(path) };
    let offset = 0;
    if (query.continue) {
      const [id, from] = query.continue.split(":");
      const found = this.snapshots.get(id ?? "");
      if (this.expireNextContinue || !found || found.rv < this.compactedRV) {
        this.expireNextContinue = false;
        return sendStatus(res, 410, "Expired", "The provided continue parameter is too old to display a consistent list result.");
      }
      snapshot = found;
      offset = Number(from);
    }
    const end = limit > 0 ? Math.min(offset + limit, snapshot.items.length) : snapshot.items.length;
    let token = "";
    if (end < snapshot.items.length) {
      const id = randomUUID();
      this.snapshots.set(id, snapshot);
      token = `${id}:${end}`;
    }
    const items = snapshot.items.slice(offset, end).map(({ kind: _kind, apiVersion: _apiVersion, ...item }) => item);
    sendJson(res, 200, { kind: "List", apiVersion: "v1", metadata: { resourceVersion: String(snapshot.rv), ...(token ? { continue: token } : {}) }, items });
  }

  private serveWatch(path: string, query: Record<string, string>, res: ServerResponse): void {
    const since = Number(query.resourceVersion || this.rv);
    if (since < this.compactedRV) {
      const message = `too old resource version: ${since} (${this.compactedRV})`;
      if (this.expiredWatchStyle === "http") return sendStatus(res, 410, "Expired", message);
      res.writeHead(200, { "Content-Type": "application/json" });
      return void res.end(JSON.stringify({ type: "ERROR", object: statusBody(410, "Expired", message) }) + "\n");
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.flushHeaders();
    for (const entry of this.history) {
      if (entry.path === path && entry.rv > since) res.write(JSON.stringify({ type: entry.type, object: entry.object }) + "\n");
    }
    const watcher: Watcher = { path, res, stalled: false };
    this.watchers.add(watcher);
    const timeout = setTimeout(() => res.end(), Number(query.timeoutSeconds ?? 60) * 1000);
    res.on("close", () => {
      clearTimeout(timeout);
      this.watchers.delete(watcher);
    });
  }
}

function statusBody(code: number, reason: string, message: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

function reasonFor(status: number): string {
  return { 410: "Expired", 429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable", 401: "Unauthorized", 403: "Forbidden" }[status] ?? "Unknown";
}

function sendStatus(res: ServerResponse, code: number, reason: string, message: string, retryAfter?: number): void {
  const headers: http.OutgoingHttpHeaders = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  sendJson(res, code, statusBody(code, reason, message), headers);
}

function sendJson(res: ServerResponse, code: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A minimal pod for tests. */
export function testPod(name: string, namespace = "default", extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace, labels: { app: name.split("-")[0] ?? name } }, spec: { nodeName: "node-1" }, status: { phase: "Running" }, ...extra };
}
