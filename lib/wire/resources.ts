import type { KubeObject } from "../k8s/types";
import type { StreamResourceKind } from "./stream";

// GET /api/resources/{kind}/{namespace}/{name} (or /{kind}/{name} for cluster-scoped kinds).

/** One step up the ownerReferences chain. */
export interface OwnerLink {
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
  /** The watched kind, when Orrery can show this owner. */
  resource?: StreamResourceKind;
  /** False when the owner is not in the cache (deleted, or a kind Orrery does not watch). */
  found: boolean;
}

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
  /** ISO time of the last occurrence. */
  lastSeen?: string;
  source?: string;
}

export interface ObjectDetails {
  object: KubeObject;
  yaml: string;
  /** Direct owner first, then its owner, and so on. */
  owners: OwnerLink[];
  /** Newest first. */
  events: EventSummary[];
  /** What the person may do to this object; present for pods. */
  actions?: { exec: boolean };
}

