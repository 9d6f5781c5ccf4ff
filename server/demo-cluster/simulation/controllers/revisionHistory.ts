import type { KubeObject } from "@/server/kube/types";
import { parseTimestamp } from "../clock";
import type { SimContext } from "../context";
import { buildControllerRevision } from "../objects/revisions";
import type { PodTemplate } from "../objects/types";

const revisionNumber = (r: KubeObject) => Number(r.revision ?? 0);

/**
 * Makes sure the ControllerRevision `name` exists for the owner's current template and trims old ones
 * beyond `limit`, keeping those named in `keep`.
 */
export function ensureRevision(ctx: SimContext, owner: KubeObject, name: string, hashLabel: string, template: PodTemplate, keep: readonly string[], limit = 10): void {
  const revisions = ctx.informers.controllerRevisions.byIndex("owner", owner.metadata.uid ?? "");
  const existing = revisions.find((r) => r.metadata.name === name);
  const highest = Math.max(0, ...revisions.map(revisionNumber));
  if (!existing) {
    // The first revision dates from the owner's creation, as it would in a cluster that has been running.
    const createdMs = highest === 0 ? (parseTimestamp(owner.metadata.creationTimestamp) ?? ctx.clock.now()) : ctx.clock.now();
    ctx.store.create("apps/controllerrevisions", buildControllerRevision(owner, name, hashLabel, highest + 1, template, createdMs));
  } else if (revisionNumber(existing) < highest) {
    // Rolling back to an older template makes its revision the newest again.
    ctx.store.mutate("apps/controllerrevisions", existing.metadata.namespace, name, (draft) => {
      draft.revision = highest + 1;
    });
  }
  const removable = revisions.filter((r) => r.metadata.name !== name && !keep.includes(r.metadata.name)).sort((a, b) => revisionNumber(a) - revisionNumber(b));
  for (const r of removable.slice(0, Math.max(0, removable.length - limit))) ctx.store.delete("apps/controllerrevisions", r.metadata.namespace, r.metadata.name);
}
