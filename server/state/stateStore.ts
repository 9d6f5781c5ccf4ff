/**
 * State that must outlive the process and be the same on every replica: ended sessions, embed tokens
 * and their signing key. Each part is a document whose versions can always be merged (a grow-only set
 * with expiry), so two replicas writing at once never lose each other's entries.
 */

/** How one document is named, read, written and merged. */
export interface StateDocumentKind<T> {
  /** The file name in the data directory, and the key in the state Secret. */
  name: string;
  empty(): T;
  /** The value stored as `text`; throws when the text is not one. */
  parse(text: string): T;
  serialize(value: T): string;
  /** Joins two versions (union minus what has expired); nothing either side still needs is lost. */
  merge(known: T, incoming: T): T;
}

/** One document as this process knows it. */
export interface StateDocument<T> {
  /** Everything known here: what was stored at start, what was seen since and what this process changed. */
  current(): T;
  /**
   * Applies `change` here at once, then stores `change(latest stored value)`, again after a conflict with
   * another writer. Resolves when stored; rejects (e.g. StateTooLargeError) when it cannot be.
   */
  update(change: (stored: T) => T): Promise<T>;
  /** Called with the merged value after every change, this process's or another replica's. */
  onChange(listener: (value: T) => void): () => void;
}

/** Where the documents are kept: the data directory, or one Secret in the cluster. */
export interface StateStore {
  /** For logs and errors, e.g. "Secret orrery/orrery-state". */
  readonly description: string;
  /** The same document object for the same kind name. */
  document<T>(kind: StateDocumentKind<T>): StateDocument<T>;
  close(): Promise<void>;
}

/** The stored state would exceed its size limit; worded for the operator. */
export class StateTooLargeError extends Error {
  constructor(where: string, bytes: number, limit: number) {
    super(`${where} would hold ${bytes} bytes, over its limit of ${limit}: too many ended sessions or embed tokens are still within their lifetime; shorten --session-max or embed token lifetimes, or wait for them to expire`);
    this.name = "StateTooLargeError";
  }
}

/** The local half every store shares: the merged value and its listeners. */
export class KnownValue<T> {
  private value: T;
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly kind: StateDocumentKind<T>, initial?: T) {
    this.value = initial ?? kind.empty();
  }

  get(): T {
    return this.value;
  }

  /** Merges `incoming` in and tells the listeners when that changed anything. */
  absorb(incoming: T): void {
    const merged = this.kind.merge(this.value, incoming);
    if (this.kind.serialize(merged) === this.kind.serialize(this.value)) return;
    this.value = merged;
    for (const listener of [...this.listeners]) listener(merged);
  }

  onChange(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A document kept in memory only (login mode none, tests). */
export function memoryDocument<T>(kind: StateDocumentKind<T>): StateDocument<T> {
  const known = new KnownValue(kind);
  return {
    current: () => known.get(),
    update: async (change) => {
      known.absorb(change(known.get()));
      return known.get();
    },
    onChange: (listener) => known.onChange(listener),
  };
}
