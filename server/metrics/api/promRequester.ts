import { accessFor } from "@/server/access/accessFor";
import type { Person } from "@/server/auth/person";
import type { PromRequester } from "./promApi";
import { seriesScopeMatchers } from "./seriesScope";

/** The person as the Prometheus API sees them: a name for the concurrency limit, and their series scope from the cluster's RBAC. */
export function promRequesterFor(person: Person): PromRequester {
  return { name: person.name, scopeMatchers: () => seriesScopeMatchers(accessFor(person)) };
}
