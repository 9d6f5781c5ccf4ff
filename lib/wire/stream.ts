import type { KubeObject } from "../k8s/types";
import type { TopologyMessage, TopologySubscribe } from "./topology";
import type { UsageFrame, UsageSubscribe } from "./usage";

// The /api/stream protocol: one websocket per tab, many subscriptions multiplexed by id.
// Client message shapes and their zod schemas live in streamSchemas.ts, so browsers do not ship zod.

/** Every kind the stream serves; Secrets are deliberately not among them. */
export const streamResourceKinds = [
  "pods",
  "nodes",
  "namespaces",
  "deployments",
  "replicasets",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "services",
  "endpointslices",
  "ingresses",
  "events",
  "persistentvolumeclaims",
] as const;

export type StreamResourceKind = (typeof streamResourceKinds)[number];

/** Kinds without a namespace: a namespace filter does not apply to them. */
export const clusterScopedKinds: ReadonlySet<StreamResourceKind> = new Set(["nodes", "namespaces"]);

export function isStreamResourceKind(value: string): value is StreamResourceKind {
  return (streamResourceKinds as readonly string[]).includes(value);
}

export type WireSyncState = "syncing" | "live" | "stale" | "error";

/** The informer cache's health for one kind, as the browser sees it. */
export interface WireKindStatus {
  kind: StreamResourceKind;
  state: WireSyncState;
  /** Why the kind is stale or failing, worded for a person. */
  reason?: string;
  /** The apiserver URL the data comes from. */
  apiserver: string;
  resourceVersion?: string;
  /** When the last full list finished (ISO time). */
  syncedAt?: string;
  count: number;
}

/** Subscribes to one kind, optionally in one namespace; later subscription kinds join ClientMessage as union members. */
export interface ResourceSubscribe {
  type: "subscribe";
  id: string;
  resource: StreamResourceKind;
  namespace?: string;
}

export type ClientMessage = ResourceSubscribe | TopologySubscribe | UsageSubscribe | { type: "unsubscribe"; id: string } | { type: "ping" };

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

export interface WireChange {
  type: ChangeType;
  object: KubeObject;
}

export type ServerMessage =
  | { type: "snapshot"; id: string; items: KubeObject[]; resourceVersion?: string }
  | { type: "delta"; id: string; changes: WireChange[] }
  | { type: "status"; kinds: WireKindStatus[] }
  /** `reason` is a plain sentence for a person. */
  | { type: "resync"; id: string; reason: string }
  /** A refused subscription or frame. `message` is a plain sentence for a person, never an object (HTTP's ApiErrorBody is not used here). */
  | { type: "error"; id?: string; message: string }
  | { type: "pong" }
  | UsageFrame
  | TopologyMessage;

/** Websocket close codes the server uses; the close reason is a plain sentence for a person (at most 123 bytes). */
export enum StreamCloseCode {
  GoingAway = 1001,
  PolicyViolation = 1008,
  MessageTooBig = 1009,
  /** The client read too slowly for too long ("try again later"). */
  TryAgainLater = 1013,
  /** The login ended (logout, expiry, revocation): sign in again rather than reconnect. */
  SessionEnded = 4401,
  /** The person (or embed link) already has as many open stream sockets as allowed; the reason says how many. */
  TooManyConnections = 4429,
}
