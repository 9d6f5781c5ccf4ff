import { z } from "zod";
import type { KubeObject } from "../k8s/types";

// The /api/stream protocol: one websocket per tab, many subscriptions multiplexed by id.

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

export const MAX_SUBSCRIPTION_ID_LENGTH = 64;
const subscriptionId = z.string().min(1).max(MAX_SUBSCRIPTION_ID_LENGTH);
const namespaceName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "must be a namespace name (lowercase letters, digits and '-')");

/** Subscribes to one kind, optionally in one namespace; later subscription kinds join this union. */
export const resourceSubscribeSchema = z.object({
  type: z.literal("subscribe"),
  id: subscriptionId,
  resource: z.enum(streamResourceKinds),
  namespace: namespaceName.optional(),
});

export const unsubscribeSchema = z.object({ type: z.literal("unsubscribe"), id: subscriptionId });
export const pingSchema = z.object({ type: z.literal("ping") });

export const clientMessageSchema = z.discriminatedUnion("type", [resourceSubscribeSchema, unsubscribeSchema, pingSchema]);

export type ResourceSubscribe = z.infer<typeof resourceSubscribeSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

export interface WireChange {
  type: ChangeType;
  object: KubeObject;
}

export type ServerMessage =
  | { type: "snapshot"; id: string; items: KubeObject[]; resourceVersion?: string }
  | { type: "delta"; id: string; changes: WireChange[] }
  | { type: "status"; kinds: WireKindStatus[] }
  | { type: "resync"; id: string; reason: string }
  | { type: "error"; id?: string; message: string }
  | { type: "pong" };

/** Websocket close codes the server uses. */
export enum StreamCloseCode {
  GoingAway = 1001,
  PolicyViolation = 1008,
  MessageTooBig = 1009,
  /** The client read too slowly for too long ("try again later"). */
  TryAgainLater = 1013,
}
