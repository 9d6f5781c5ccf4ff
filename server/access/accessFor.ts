import type { Person } from "@/server/auth/person";
import { getRuntime } from "@/server/runtime";
import { AccessService } from "./accessService";
import type { Access } from "./types";

const key = Symbol.for("orrery.access");
type Holder = { [key]?: AccessService };

/** The process-wide service over the running Orrery's connection and cache, shared by the custom server and Next's bundle. */
export function accessService(): AccessService {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const runtime = getRuntime();
    holder[key] = new AccessService({
      connection: runtime.connection,
      namespaces: () => runtime.cache.list("namespaces").map((ns) => ns.metadata.name),
      readOnly: () => runtime.config.readOnly,
    });
  }
  return holder[key];
}

/** What `person` may see and do, asked of the apiserver and cached briefly. */
export function accessFor(person: Person): Access {
  return accessService().accessFor(person);
}
