import { log } from "../log";
import { fullJitterDelay, sleep, type BackoffTimings } from "../kube/backoff";
import type { ClusterConnection } from "../kube/connect";
import { apiErrorFrom, KubeConnectionError } from "../kube/errors";
import { decodedSize, encodeSecretText, readSecretText, type SecretObject } from "./secretObject";
import { formatSecretRef, secretPath, type SecretRef } from "./secretRef";
import { defaultSecretWatchTimings, SecretWatch, type SecretWatchTimings } from "./secretWatch";
import { KnownValue, StateTooLargeError, type StateDocument, type StateDocumentKind, type StateStore } from "./stateStore";

export interface SecretStateOptions {
  /** Largest total of the Secret's decoded data in bytes; the apiserver refuses Secrets over 1 MiB. */
  maxBytes?: number;
  /** Tries of one write before giving up when other replicas keep writing first. */
  maxAttempts?: number;
  /** Wait between tries after a conflict. */
  conflictBackoff?: BackoffTimings;
  watch?: SecretWatchTimings;
}

/** The state Secret cannot be read or written; worded for the operator. */
export class StateSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateSecretError";
  }
}

interface PendingWrite {
  key: string;
  compute: (stored: string | undefined) => string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

// 409: another replica wrote first; the others: the apiserver is briefly overloaded or away.
const retriedStatuses = new Set([409, 429, 500, 502, 503, 504]);

const defaults = { maxBytes: 768 * 1024, maxAttempts: 10, conflictBackoff: { baseMs: 50, capMs: 2_000 } };

/**
 * Documents as keys of one Secret, shared by every replica: read at start, written with the Secret's
 * resourceVersion as precondition (on 409 Conflict: read again, apply the change again, retry) and
 * watched by name, so a change made by one replica reaches the others within moments.
 */
export class SecretStateStore implements StateStore {
  private secret: SecretObject;
  private readonly documents = new Map<string, SecretDocument<unknown>>();
  private readonly watch: SecretWatch;
  private pending: PendingWrite[] = [];
  private draining: Promise<void> | undefined;
  private deletedWarned = false;

  /** Reads the Secret (one-line StateSecretError when it is missing or forbidden) and starts watching it. */
  static async open(connection: ClusterConnection, ref: SecretRef, options: SecretStateOptions = {}): Promise<SecretStateStore> {
    const store = new SecretStateStore(connection, ref, await readSecret(connection, ref), options);
    store.watch.start();
    return store;
  }

  private constructor(
    private readonly connection: ClusterConnection,
    private readonly ref: SecretRef,
    initial: SecretObject,
    private readonly options: SecretStateOptions,
  ) {
    this.secret = initial;
    this.watch = new SecretWatch(connection, ref, {
      resourceVersion: () => this.secret.metadata.resourceVersion ?? "",
      onSecret: (secret) => this.accept(secret),
      onDeleted: () => this.warnDeleted(),
    }, options.watch ?? defaultSecretWatchTimings);
  }

  get description(): string {
    return `Secret ${formatSecretRef(this.ref)}`;
  }

  document<T>(kind: StateDocumentKind<T>): StateDocument<T> {
    let document = this.documents.get(kind.name) as SecretDocument<T> | undefined;
    if (!document) {
      document = new SecretDocument(kind, (compute) => this.write(kind.name, compute));
      document.receive(readSecretText(this.secret, kind.name));
      this.documents.set(kind.name, document as SecretDocument<unknown>);
    }
    return document;
  }

  async close(): Promise<void> {
    await this.draining;
    await this.watch.stop();
  }

  private accept(secret: SecretObject): void {
    if (secret.metadata.resourceVersion === this.secret.metadata.resourceVersion) return;
    this.secret = secret;
    this.deletedWarned = false;
    for (const document of this.documents.values()) document.receive(readSecretText(secret, document.name));
  }

  private warnDeleted(): void {
    if (this.deletedWarned) return;
    this.deletedWarned = true;
    log.error({ secret: formatSecretRef(this.ref) }, "the state Secret was deleted; what is known here is kept, but nothing new is stored until it is created again");
  }

  // Changes queued while a write is under way go out together in the next one.
  private write(key: string, compute: (stored: string | undefined) => string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, compute, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await this.writeBatch(batch);
        for (const write of batch) write.resolve();
      } catch (error) {
        for (const write of batch) write.reject(error);
      }
    }
    this.draining = undefined;
  }

  private async writeBatch(batch: PendingWrite[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? defaults.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      const base = this.secret;
      const data = { ...base.data };
      for (const { key, compute } of batch) data[key] = encodeSecretText(compute(readSecretText({ ...base, data }, key)));
      if (Object.entries(data).every(([key, value]) => base.data?.[key] === value)) return;
      const limit = this.options.maxBytes ?? defaults.maxBytes;
      const bytes = decodedSize(data);
      if (bytes > limit) throw new StateTooLargeError(`the state ${this.description}`, bytes, limit);
      const outcome = await this.put({ ...base, data }, attempt < maxAttempts);
      if (outcome === "stored") return;
      // Another replica wrote first (or the apiserver was briefly away): read the Secret, then apply these changes to it.
      await sleep(fullJitterDelay(attempt, this.options.conflictBackoff ?? defaults.conflictBackoff));
      this.accept(await readSecret(this.connection, this.ref));
    }
  }

  private async put(secret: SecretObject, mayRetry: boolean): Promise<"stored" | "retry"> {
    let response;
    try {
      response = await this.connection.request(secretPath(this.ref), { method: "PUT", body: secret });
    } catch (error) {
      if (mayRetry && error instanceof KubeConnectionError) return "retry";
      throw error;
    }
    const text = await response.text();
    if (response.status === 200) {
      this.accept(JSON.parse(text) as SecretObject);
      return "stored";
    }
    if (mayRetry && retriedStatuses.has(response.status)) return "retry";
    throw secretError(this.connection, this.ref, "update", response.status, text, response.headers);
  }
}

class SecretDocument<T> implements StateDocument<T> {
  private readonly known: KnownValue<T>;
  private lastText: string | undefined;

  constructor(
    private readonly kind: StateDocumentKind<T>,
    private readonly store: (compute: (stored: string | undefined) => string) => Promise<void>,
  ) {
    this.known = new KnownValue(kind);
  }

  get name(): string {
    return this.kind.name;
  }

  current(): T {
    return this.known.get();
  }

  async update(change: (stored: T) => T): Promise<T> {
    this.known.absorb(change(this.known.get()));
    // Merged with nothing, so what has expired is dropped from the Secret on every write.
    await this.store((text) => this.kind.serialize(this.kind.merge(this.kind.empty(), change(text === undefined ? this.kind.empty() : this.kind.parse(text)))));
    return this.known.get();
  }

  onChange(listener: (value: T) => void): () => void {
    return this.known.onChange(listener);
  }

  /** The text now stored under this document's key. */
  receive(text: string | undefined): void {
    if (text === undefined || text === this.lastText) return;
    this.lastText = text;
    try {
      this.known.absorb(this.kind.parse(text));
    } catch (error) {
      log.error({ err: error, key: this.kind.name }, "a key of the state Secret is damaged; it is ignored until a good version is written");
    }
  }
}

async function readSecret(connection: ClusterConnection, ref: SecretRef): Promise<SecretObject> {
  const response = await connection.request(secretPath(ref));
  const text = await response.text();
  if (response.status !== 200) throw secretError(connection, ref, "get", response.status, text, response.headers);
  return JSON.parse(text) as SecretObject;
}

function secretError(connection: ClusterConnection, ref: SecretRef, verb: string, status: number, body: string, headers: Record<string, string | string[] | undefined>): Error {
  const secret = formatSecretRef(ref);
  if (status === 404) return new StateSecretError(`the state Secret ${secret} (--state-secret) does not exist; create it empty (deploy/kubernetes/orrery.yaml does) or leave out --state-secret to keep state in the data directory`);
  if (status === 403) return new StateSecretError(`Orrery's identity may not ${verb} the state Secret ${secret} (--state-secret); bind it a Role like orrery-state in deploy/kubernetes/rbac.yaml (get, update, watch) whose resourceNames name this Secret`);
  if (status === 409) return new StateSecretError(`the state Secret ${secret} kept changing under this write (409 Conflict on every try); other replicas are writing too often`);
  return apiErrorFrom(connection.server, status, body, headers);
}
