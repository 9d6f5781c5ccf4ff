import type { ListScope } from "../access/types";
import type { StreamAccess } from "../stream/streamAccess";
import { embedLimitOf } from "./embedScope";

const nowhere: ListScope = Object.freeze({ all: false, namespaces: new Set<string>() });

/**
 * An embed token's stream reads only what its view reads: the view's kinds, in the namespaces its link
 * pins, and never more than the person who made the token may list.
 */
export function limitToEmbedScope(access: StreamAccess, scope: string): StreamAccess {
  return {
    async listScope(kind) {
      const limit = embedLimitOf(scope, kind);
      if (limit === "none") return nowhere;
      const granted = await access.listScope(kind);
      if (limit === "any") return granted;
      const namespaces = granted.all ? new Set(limit) : new Set([...granted.namespaces].filter((ns) => limit.has(ns)));
      return { all: false, namespaces };
    },
  };
}
