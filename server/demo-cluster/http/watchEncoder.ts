import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, type ResourceInfo } from "../resources";
import type { IncludeObject } from "./listQuery";
import type { Rendering } from "./negotiate";
import { withTypeMeta } from "./serialize";
import { buildTable, partialMetadata } from "./tables/printers";

export type WatchLineType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

/** Turns watch events into newline-delimited JSON in the negotiated rendering. */
export class WatchEncoder {
  private columnsSent = false;

  constructor(
    private readonly info: ResourceInfo,
    private readonly rendering: Rendering,
    private readonly include: IncludeObject,
  ) {}

  event(type: Exclude<WatchLineType, "BOOKMARK" | "ERROR">, object: KubeObject): string {
    return line(type, this.render(object));
  }

  /** A BOOKMARK carrying only the resourceVersion the watcher has caught up to. */
  bookmark(resourceVersion: number, initialEventsEnd = false): string {
    const metadata: Record<string, unknown> = { resourceVersion: String(resourceVersion) };
    if (initialEventsEnd) metadata.annotations = { "k8s.io/initial-events-end": "true" };
    if (this.rendering.as === "table") {
      return line("BOOKMARK", { ...buildTable(this.info, [], { include: this.include, version: this.rendering.version, withColumns: false }), metadata });
    }
    return line("BOOKMARK", { kind: this.info.kind, apiVersion: groupVersionOf(this.info), metadata });
  }

  error(status: Record<string, unknown>): string {
    return line("ERROR", status);
  }

  private render(object: KubeObject): unknown {
    if (this.rendering.as === "partial") return partialMetadata(object, this.rendering.version);
    if (this.rendering.as !== "table") return withTypeMeta(object, this.info);
    // Column definitions go with the first table only; kubectl reuses them, as with kube-apiserver.
    const table = buildTable(this.info, [object], { include: this.include, version: this.rendering.version, withColumns: !this.columnsSent });
    this.columnsSent = true;
    return table;
  }
}

function line(type: WatchLineType, object: unknown): string {
  return `${JSON.stringify({ type, object })}\n`;
}
