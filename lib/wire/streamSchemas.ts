import { z } from "zod";
import { streamResourceKinds, type ClientMessage, type ResourceSubscribe } from "./stream";
import type { TopologySubscribe } from "./topology";
import type { UsageSubscribe } from "./usage";

// Validation of what browsers send on /api/stream; server-side only in practice (keeps zod out of pages).

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

export const MAX_TOPOLOGY_NAMESPACES = 500;
export const MAX_TOPOLOGY_EXPAND = 1000;

/** Subscribes to one topology view, optionally limited to namespaces, with the groups the person opened. */
export const topologySubscribeSchema = z.object({
  type: z.literal("subscribe"),
  id: subscriptionId,
  resource: z.literal("topology"),
  view: z.enum(["hosts", "pods", "controllers", "services", "containers", "namespaces"]),
  namespaces: z.array(namespaceName).max(MAX_TOPOLOGY_NAMESPACES).optional(),
  expand: z.array(z.string().min(1).max(512)).max(MAX_TOPOLOGY_EXPAND).optional(),
});

/** Subscribes to CPU and memory for the lists, optionally of pods in one namespace. */
export const usageSubscribeSchema = z.object({
  type: z.literal("subscribe"),
  id: subscriptionId,
  resource: z.literal("usage"),
  namespace: namespaceName.optional(),
  only: z.enum(["pods", "nodes"]).optional(),
});

/** Every message but a topology subscribe; parseClientMessage picks the schema by "resource" for precise errors. */
export const resourceClientMessageSchema = z.discriminatedUnion("type", [resourceSubscribeSchema, unsubscribeSchema, pingSchema]);
export const clientMessageSchema = z.union([topologySubscribeSchema, usageSubscribeSchema, resourceClientMessageSchema]);

// The schemas must accept exactly the shapes of stream.ts; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const subscribeShapeMatches: Same<z.infer<typeof resourceSubscribeSchema>, ResourceSubscribe> = true;
export const topologyShapeMatches: Same<z.infer<typeof topologySubscribeSchema>, TopologySubscribe> = true;
export const usageShapeMatches: Same<z.infer<typeof usageSubscribeSchema>, UsageSubscribe> = true;
export const clientShapesMatch: Same<z.infer<typeof clientMessageSchema>, ClientMessage> = true;

