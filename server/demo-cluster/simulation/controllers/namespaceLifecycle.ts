import type { SimContext } from "../context";
import type { Controller } from "../runner";

const protectedNamespaces = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);
// The real namespace controller takes seconds; `kubectl delete -f` of a namespace and its objects relies on that.
const purgeDelayMs = 2_000;

/** The namespace controller: a namespace being deleted loses its contents first, then goes itself. */
export class NamespaceController implements Controller {
  readonly name = "namespace";
  private readonly terminating = new Set<string>();

  constructor(private readonly ctx: SimContext) {
    ctx.informers.namespaces.onChange((type, ns) => {
      if (type === "DELETED") this.purge(ns.metadata.name);
      else if (ns.metadata.deletionTimestamp && !protectedNamespaces.has(ns.metadata.name)) ctx.runner.enqueue(this.name, ns.metadata.name);
    });
  }

  tick(): void {
    for (const name of this.terminating) this.ctx.runner.enqueue(this.name, name);
  }

  sync(name: string): void {
    const ns = this.ctx.informers.namespaces.get(undefined, name);
    if (!ns?.metadata.deletionTimestamp) {
      this.terminating.delete(name);
      return;
    }
    this.terminating.add(name);
    if ((ns.status as { phase?: string } | undefined)?.phase !== "Terminating") {
      this.ctx.store.mutate("namespaces", undefined, name, (draft) => {
        draft.status = { ...(draft.status as object), phase: "Terminating" };
      });
    }
    if (this.ctx.clock.now() - Date.parse(ns.metadata.deletionTimestamp) < purgeDelayMs) return;
    if (this.purge(name) === 0) {
      this.terminating.delete(name);
      this.ctx.store.delete("namespaces", undefined, name);
    }
  }

  /** Deletes everything in the namespace; returns how many objects were still there. */
  private purge(namespace: string): number {
    let remaining = 0;
    for (const resource of this.ctx.store.resources()) {
      if (resource === "namespaces" || resource === "nodes") continue;
      for (const object of this.ctx.store.list(resource, namespace)) {
        remaining++;
        if (resource === "pods") this.ctx.terminator.terminate(object);
        else this.ctx.store.delete(resource, namespace, object.metadata.name);
      }
    }
    return remaining;
  }
}
