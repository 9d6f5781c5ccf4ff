import type { StreamResourceKind } from "./stream";

// GET /api/me: who Orrery acts as for the person asking, and what they may see.

/** Where a person may list one kind: everywhere, or in these namespaces only ([] is nowhere). */
export type WireListScope = "all" | string[];

export interface MeAnswer {
  /** The user name the apiserver sees on this person's requests; null when Orrery could not learn it. */
  user: string | null;
  /** The groups the apiserver sees (it adds system:authenticated itself). */
  groups: string[];
  /** Whether people sign in to Orrery; false with --auth none, when requests carry the kubeconfig's own identity. */
  login: boolean;
  /** Whether the person may make, list and revoke embed links. */
  mayManageEmbedTokens: boolean;
  /** Namespaces where the person may list at least one kind Orrery shows (names only). */
  namespaces: string[];
  /** For each kind asked for with ?kinds=pods,nodes: where the person may list it. */
  lists: Partial<Record<StreamResourceKind, WireListScope>>;
}
