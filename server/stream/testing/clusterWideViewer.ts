import { allUsage } from "../../access/types";
import type { Person } from "../../auth/person";
import type { StreamServerDeps } from "../streamServer";

export const testViewer: Person = { name: "viewer", groups: [], via: "session", readOnly: false, sessionId: "session-viewer" };

/** A logged-in person who may list every kind and see all usage everywhere, for tests about the stream itself rather than about access. */
export function clusterWideViewer(person: Person = testViewer): Pick<StreamServerDeps, "authorize" | "accessFor"> {
  return { authorize: () => ({ ok: true, person }), accessFor: () => ({ listScope: async () => ({ all: true }), usageScope: async () => allUsage }) };
}
