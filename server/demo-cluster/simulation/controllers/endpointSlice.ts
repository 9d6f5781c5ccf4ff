import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import type { SimContext } from "../context";
import { buildEndpointSlice, endpointOf, MANAGED_BY, MANAGED_BY_LABEL, MAX_ENDPOINTS_PER_SLICE, slicePorts, type Endpoint } from "../objects/endpointSlices";
import { matchesMap } from "../objects/labels";
import { keyOf } from "../objects/meta";
import { stableStringify } from "../objects/templateHash";
import type { Node, Pod, Service } from "../objects/types";
import type { Controller } from "../runner";
import { generateName } from "./helpers";

const TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";

/** Keeps one or more EndpointSlices per selector Service listing the addresses of its pods. */
export class EndpointSliceController implements Controller {
  readonly name = "endpointslice";

  constructor(private readonly ctx: SimContext) {
    const { services, pods } = ctx.informers;
    services.onChange((type, svc) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(svc));
    });
    pods.onChange((_type, pod, previous) => {
      for (const svc of services.byIndex("namespace", pod.metadata.namespace ?? "")) {
        const selector = (svc as Service).spec?.selector;
        if (matchesMap(selector, pod.metadata.labels) || (previous && matchesMap(selector, previous.metadata.labels))) ctx.runner.enqueue(this.name, keyOf(svc));
      }
    });
    for (const key of services.keys()) ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    const service = this.ctx.informers.services.getByKey(key) as Service | undefined;
    if (!service || Object.keys(service.spec?.selector ?? {}).length === 0) return;
    const pods = (this.ctx.informers.pods.byIndex("namespace", service.metadata.namespace ?? "") as Pod[])
      .filter((p) => matchesMap(service.spec.selector, p.metadata.labels))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const endpoints = pods.map((p) => endpointOf(p, this.ctx.informers.nodes.get(undefined, p.spec.nodeName ?? "") as Node | undefined, service)).filter((e): e is Endpoint => e !== undefined);
    const ports = slicePorts(service, pods.find((p) => p.status?.podIP));
    const chunks: Endpoint[][] = [];
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) chunks.push(endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    if (chunks.length === 0) chunks.push([]);
    const existing = this.ctx.informers.endpointSlices
      .byIndex("owner", service.metadata.uid ?? "")
      .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    // A Service's first slice dates from the Service, as it would in a cluster that has been running.
    const firstSlice = existing.length === 0;
    chunks.forEach((chunk, i) => this.writeSlice(service, existing[i], chunk, ports, firstSlice && i === 0));
    for (const extra of existing.slice(chunks.length)) this.ctx.store.delete("discovery.k8s.io/endpointslices", extra.metadata.namespace, extra.metadata.name);
  }

  private writeSlice(service: Service, slice: KubeObject | undefined, endpoints: Endpoint[], ports: ReturnType<typeof slicePorts>, first: boolean): void {
    const now = toTimestamp(this.ctx.clock.now());
    if (!slice) {
      const name = generateName(this.ctx, "discovery.k8s.io/endpointslices", service.metadata.namespace, `${service.metadata.name}-`);
      const created = buildEndpointSlice(service, name, endpoints, ports);
      created.metadata.annotations = { [TRIGGER_TIME]: now };
      created.metadata.creationTimestamp = first ? (service.metadata.creationTimestamp ?? now) : now;
      this.ctx.store.create("discovery.k8s.io/endpointslices", created);
      return;
    }
    if (stableStringify([slice.endpoints, slice.ports]) === stableStringify([endpoints, ports])) return;
    this.ctx.store.mutate("discovery.k8s.io/endpointslices", slice.metadata.namespace, slice.metadata.name, (draft) => {
      draft.endpoints = endpoints;
      draft.ports = ports;
      draft.metadata.annotations = { ...draft.metadata.annotations, [TRIGGER_TIME]: now };
    });
  }
}
