import { randomUUID } from "node:crypto";
import path from "node:path";
import { jwtVerify, SignJWT } from "jose";
import type { Person } from "../auth/person";
import { getRuntime } from "../runtime";
import { formatEmbedScope, parseEmbedScope, scopeAllowsRequest } from "./embedScope";
import { stateStoreFor } from "../state/processStateStore";
import { FileStateStore } from "../state/fileStateStore";
import type { StateStore } from "../state/stateStore";
import { EmbedTokenStore, type EmbedTokenRecord } from "./embedStore";
import { EMBED_DEFAULT_TTL_SECONDS, EMBED_MAX_TTL_SECONDS, type EmbedTokenInfo } from "@/lib/wire/embed";

export { EMBED_DEFAULT_TTL_SECONDS, EMBED_MAX_TTL_SECONDS, type EmbedTokenInfo } from "@/lib/wire/embed";

const issuer = "orrery";
const audience = "orrery-embed";
/** The JWT `typ` of embed tokens, so they are told apart from other bearer tokens. */
export const EMBED_TOKEN_TYPE = "orrery-embed+jwt";

export interface EmbedTokensOptions {
  /** Where tokens and the key are kept: the state Secret, or the data directory's files. */
  store: StateStore;
  now?: () => number;
}

type RevokedListener = (id: string) => void;

/** Signed (HS256), expiring, read-only tokens scoped to one view, listed and revocable from the state store. */
export class EmbedTokens {
  private readonly store: EmbedTokenStore;
  private readonly now: () => number;
  private readonly revokedListeners = new Set<RevokedListener>();
  private watchingRevocations = false;

  constructor(options: EmbedTokensOptions) {
    this.now = options.now ?? Date.now;
    this.store = new EmbedTokenStore(options.store, this.now);
  }

  /** Tokens and key in the files of `dataDir` (one replica; tests). */
  static inDirectory(dataDir: string, now?: () => number): EmbedTokens {
    return new EmbedTokens({ store: new FileStateStore(path.resolve(dataDir)), now });
  }

  private key(): Promise<Uint8Array> {
    return this.store.signingKey();
  }

  /** Issues a token; `scope` is checked and written in its canonical form, `ttlSeconds` is capped at 30 days. */
  async create(creator: Pick<Person, "name" | "groups"> & Partial<Pick<Person, "via">>, input: { scope: string; ttlSeconds?: number }): Promise<{ token: string; info: EmbedTokenInfo }> {
    const scope = formatEmbedScope(parseEmbedScope(input.scope));
    const ttl = Math.min(Math.max(1, Math.floor(input.ttlSeconds ?? EMBED_DEFAULT_TTL_SECONDS)), EMBED_MAX_TTL_SECONDS);
    const issuedAt = Math.floor(this.now() / 1000);
    const record: EmbedTokenRecord = { id: randomUUID(), scope, createdBy: { name: creator.name, groups: [...creator.groups], ...(creator.via === "local" ? { local: true } : {}) }, createdAt: issuedAt * 1000, expiresAt: (issuedAt + ttl) * 1000 };
    const token = await new SignJWT({ scope, groups: record.createdBy.groups })
      .setProtectedHeader({ alg: "HS256", typ: EMBED_TOKEN_TYPE })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(creator.name)
      .setJti(record.id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttl)
      .sign(await this.key());
    await this.store.put(record);
    return { token, info: this.describe(record) };
  }

  /** The read-only person a valid, unrevoked token stands for when `requestPath` is inside its scope; otherwise null. */
  async verify(token: string, requestPath: string): Promise<Person | null> {
    const claims = await this.verifySignature(token);
    if (!claims) return null;
    this.watchRevocations();
    const record = await this.store.get(claims.jti);
    if (!record || record.revokedAt !== undefined || record.expiresAt <= this.now()) return null;
    if (!scopeAllowsRequest(record.scope, requestPath)) return null;
    return {
      name: record.createdBy.name,
      groups: [...record.createdBy.groups],
      via: "embed",
      readOnly: true,
      scope: record.scope,
      ...(record.createdBy.local ? { madeByLocal: true } : {}),
      expiresAt: record.expiresAt,
      sessionId: embedSessionId(record.id),
    };
  }

  async list(): Promise<EmbedTokenInfo[]> {
    return (await this.store.all()).map((record) => this.describe(record));
  }

  /** Revokes a token; undefined when there is no such token. Open sockets opened with it are closed by listeners. */
  async revoke(id: string, by: Pick<Person, "name">): Promise<EmbedTokenInfo | undefined> {
    const record = await this.store.get(id);
    if (!record) return undefined;
    if (record.revokedAt === undefined) {
      this.watchRevocations();
      const revoked = { ...record, revokedAt: this.now(), revokedBy: by.name };
      await this.store.put(revoked);
      return this.describe(revoked);
    }
    return this.describe(record);
  }

  /** Calls `listener` with the id of each token revoked from now on, here or on another replica. */
  onRevoked(listener: RevokedListener): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  // From the first use of the list on (before it no socket of a token can be open here).
  private watchRevocations(): void {
    if (this.watchingRevocations) return;
    this.watchingRevocations = true;
    const document = this.store.records();
    const revoked = new Set(Object.values(document.current()).filter((record) => record.revokedAt !== undefined).map((record) => record.id));
    document.onChange((records) => {
      for (const record of Object.values(records)) {
        if (record.revokedAt === undefined || revoked.has(record.id)) continue;
        revoked.add(record.id);
        for (const listener of [...this.revokedListeners]) listener(record.id);
      }
    });
  }

  private async verifySignature(token: string): Promise<{ jti: string } | null> {
    if (token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, await this.key(), { algorithms: ["HS256"], issuer, audience, typ: EMBED_TOKEN_TYPE, currentDate: new Date(this.now()) });
      return typeof payload.jti === "string" ? { jti: payload.jti } : null;
    } catch {
      return null;
    }
  }

  private describe(record: EmbedTokenRecord): EmbedTokenInfo {
    const state = record.revokedAt !== undefined ? "revoked" : record.expiresAt <= this.now() ? "expired" : "active";
    return {
      id: record.id,
      scope: record.scope,
      createdBy: record.createdBy.name,
      createdAt: new Date(record.createdAt).toISOString(),
      expiresAt: new Date(record.expiresAt).toISOString(),
      ...(record.revokedAt !== undefined ? { revokedAt: new Date(record.revokedAt).toISOString() } : {}),
      state,
    };
  }
}

/** The session id an embed person carries, so sockets opened with a token close when it is revoked. */
export function embedSessionId(tokenId: string): string {
  return `embed:${tokenId}`;
}

// One instance per state store for the process: the custom server and Next's bundle share it.
const registryKey = Symbol.for("orrery.embed.tokens");

/** The process's tokens: in the state Secret with --state-secret, else in `dataDir`. */
export function embedTokensFor(dataDir: string): EmbedTokens {
  const holder = globalThis as { [registryKey]?: Map<StateStore, EmbedTokens> };
  const registry = (holder[registryKey] ??= new Map());
  const store = stateStoreFor(dataDir);
  let tokens = registry.get(store);
  if (!tokens) {
    tokens = new EmbedTokens({ store });
    registry.set(store, tokens);
  }
  return tokens;
}

/** The running server's embed tokens. */
export function currentEmbedTokens(): EmbedTokens {
  return embedTokensFor(getRuntime().config.dataDir);
}

/**
 * For `authenticateRequest`: the read-only Person (`via: "embed"`, `scope`) of a request carrying
 * `?embed=<token>` or `Authorization: Bearer <token>`, or null. `requestPath` is the request's path and
 * query as received; the base path is removed here.
 */
export async function verifyEmbedToken(token: string, requestPath: string): Promise<Person | null> {
  const { basePath } = getRuntime().config;
  const inApp = basePath && (requestPath === basePath || requestPath.startsWith(`${basePath}/`) || requestPath.startsWith(`${basePath}?`)) ? requestPath.slice(basePath.length) || "/" : requestPath;
  return currentEmbedTokens().verify(token, inApp);
}
