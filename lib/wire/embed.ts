// The /api/embed protocol: read-only, expiring tokens that open one view in an iframe.

/** Longest lifetime of an embed token. */
export const EMBED_MAX_TTL_SECONDS = 30 * 24 * 3600;
export const EMBED_DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

/** An embed token as listed to people who manage them (never the token itself). */
export interface EmbedTokenInfo {
  id: string;
  /** The view it opens, e.g. "/pods?ns=shop". */
  scope: string;
  createdBy: string;
  /** ISO times. */
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  state: "active" | "expired" | "revoked";
}

/** The answer to listing tokens: the tokens, and which sites may frame Orrery now (--frame-ancestors). */
export interface EmbedListing {
  tokens: EmbedTokenInfo[];
  /** Origins (scheme://host[:port]) or 'self' allowed to show an embedded view in an iframe; empty: browsers refuse every iframe. */
  frameAncestors: string[];
}

/** The answer to creating a token: the token is shown this once and never stored. */
export interface CreatedEmbedToken {
  token: string;
  /** The view's URL with the token, relative to the host (it includes the base path). */
  url: string;
  info: EmbedTokenInfo;
}
