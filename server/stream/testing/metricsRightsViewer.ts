import { everywhere, type UsageScope } from "../../access/types";
import type { ResourceKind } from "../../kube/resources";
import type { ListScope, StreamAccess } from "../streamAccess";

/** A person who may list pods and nodes everywhere and nothing else; their metrics rights (`usage`) are what tests vary. */
export class MetricsRightsViewer implements StreamAccess {
  constructor(public usage: UsageScope) {}

  async listScope(kind: ResourceKind): Promise<ListScope> {
    return kind === "pods" || kind === "nodes" ? everywhere : { all: false, namespaces: new Set() };
  }

  async usageScope(): Promise<UsageScope> {
    return this.usage;
  }
}
