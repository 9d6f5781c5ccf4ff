import { z } from "zod";
import { streamResourceKinds, type ClientMessage, type ResourceSubscribe } from "./stream";

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

export const clientMessageSchema = z.discriminatedUnion("type", [resourceSubscribeSchema, unsubscribeSchema, pingSchema]);

// The schemas must accept exactly the shapes of stream.ts; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const subscribeShapeMatches: Same<z.infer<typeof resourceSubscribeSchema>, ResourceSubscribe> = true;
export const clientShapesMatch: Same<z.infer<typeof clientMessageSchema>, ClientMessage> = true;

