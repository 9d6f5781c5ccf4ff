import { MultiIndex } from "./multiIndex";
import type { ResourceKind } from "./resources";
import type { KubeObject } from "./types";

/** Secondary indexes over every cached object: uid, owner uid, pod → node, event → involved object, labels per kind. */
export class CacheIndexes {
  private readonly objectsByUid = new Map<string, KubeObject>();
  private readonly objectsByOwner = new MultiIndex();
  private readonly podsByNode = new MultiIndex();
  private readonly eventsByInvolvedUid = new MultiIndex();
  private readonly labelsByKind = new Map<ResourceKind, MultiIndex>();

  add(kind: ResourceKind, object: KubeObject): void {
    const meta = object.metadata;
    if (meta.uid) this.objectsByUid.set(meta.uid, object);
    for (const owner of meta.ownerReferences ?? []) this.objectsByOwner.add(owner.uid, object);
    for (const pair of labelPairs(meta.labels)) this.labelIndex(kind).add(pair, object);
    const node = kind === "pods" ? nodeNameOf(object) : undefined;
    if (node) this.podsByNode.add(node, object);
    const involved = kind === "events" ? involvedUidOf(object) : undefined;
    if (involved) this.eventsByInvolvedUid.add(involved, object);
  }

  remove(kind: ResourceKind, object: KubeObject): void {
    const meta = object.metadata;
    if (meta.uid && this.objectsByUid.get(meta.uid) === object) this.objectsByUid.delete(meta.uid);
    for (const owner of meta.ownerReferences ?? []) this.objectsByOwner.remove(owner.uid, object);
    for (const pair of labelPairs(meta.labels)) this.labelIndex(kind).remove(pair, object);
    const node = kind === "pods" ? nodeNameOf(object) : undefined;
    if (node) this.podsByNode.remove(node, object);
    const involved = kind === "events" ? involvedUidOf(object) : undefined;
    if (involved) this.eventsByInvolvedUid.remove(involved, object);
  }

  byUid(uid: string): KubeObject | undefined {
    return this.objectsByUid.get(uid);
  }

  byOwner(ownerUid: string): readonly KubeObject[] {
    return this.objectsByOwner.get(ownerUid);
  }

  podsOnNode(nodeName: string): readonly KubeObject[] {
    return this.podsByNode.get(nodeName);
  }

  /** Oldest first, newest last, by the event's last occurrence. */
  eventsFor(uid: string): readonly KubeObject[] {
    return [...this.eventsByInvolvedUid.get(uid)].sort((a, b) => eventTime(a) - eventTime(b));
  }

  /** Objects of `kind` carrying every label in `selector`. */
  withLabels(kind: ResourceKind, selector: Record<string, string>): KubeObject[] {
    const index = this.labelsByKind.get(kind);
    const pairs = labelPairs(selector);
    if (!index || pairs.length === 0) return [];
    // Start from the rarest pair so the filter touches as few objects as possible.
    const rarest = pairs.reduce((best, pair) => (index.count(pair) < index.count(best) ? pair : best));
    return index.get(rarest).filter((object) => matchesLabels(object, selector));
  }

  private labelIndex(kind: ResourceKind): MultiIndex {
    let index = this.labelsByKind.get(kind);
    if (!index) {
      index = new MultiIndex();
      this.labelsByKind.set(kind, index);
    }
    return index;
  }
}

export function matchesLabels(object: KubeObject, selector: Record<string, string>): boolean {
  const labels = object.metadata.labels ?? {};
  for (const [key, value] of Object.entries(selector)) if (labels[key] !== value) return false;
  return true;
}

function labelPairs(labels: Record<string, string> | undefined): string[] {
  return labels ? Object.entries(labels).map(([key, value]) => `${key}=${value}`) : [];
}

function nodeNameOf(pod: KubeObject): string | undefined {
  const spec = pod.spec as { nodeName?: unknown } | undefined;
  return typeof spec?.nodeName === "string" && spec.nodeName !== "" ? spec.nodeName : undefined;
}

function involvedUidOf(event: KubeObject): string | undefined {
  const involved = event.involvedObject as { uid?: unknown } | undefined;
  const regarding = event.regarding as { uid?: unknown } | undefined;
  const uid = involved?.uid ?? regarding?.uid;
  return typeof uid === "string" && uid !== "" ? uid : undefined;
}

function eventTime(event: KubeObject): number {
  const series = event.series as { lastObservedTime?: string } | undefined;
  const candidates = [series?.lastObservedTime, event.lastTimestamp, event.eventTime, event.firstTimestamp, event.metadata.creationTimestamp];
  for (const candidate of candidates) {
    if (typeof candidate === "string") {
      const time = Date.parse(candidate);
      if (!Number.isNaN(time)) return time;
    }
  }
  return 0;
}
