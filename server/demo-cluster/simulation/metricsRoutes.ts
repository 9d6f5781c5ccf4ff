import type { ServerResponse } from "node:http";
import type { RequestContext, RouteRegistry } from "../http/types";
import { sendJson, sendStatus } from "../http/status";
import type { ObjectStore } from "../store";
import { metricsList, metricsResourceList, nodeMetrics, podMetrics, scrapeTime } from "./metrics/metricsApi";
import { NodeCpuCounters, nodeUsage, podUsage, type NodeUsage } from "./metrics/podUsage";
import { renderResourceMetrics } from "./metrics/resourceMetrics";
import { selectorFilter, SelectorError, type ObjectFilter } from "./metrics/selectors";
import { buildSummary } from "./metrics/summaryApi";
import { usageIndexFor, type UsageIndex } from "./metrics/usageIndex";
import type { Node } from "./objects/types";
import { simulationInfo } from "./registry";

const base = "/apis/metrics.k8s.io/v1beta1";

/** What every metrics handler reads: the indexed pods and nodes, the time and the seed of the usage model. */
interface MetricsSource {
  index: UsageIndex;
  now(): number;
  seed(): number;
  /** A node and its usage at `atMs`, or undefined for an unknown node. */
  node(name: string, atMs: number): { node: Node; usage: NodeUsage } | undefined;
}

function notFound(res: ServerResponse, kind: string, group: string, name: string): void {
  const qualified = group ? `${kind}.${group}` : kind;
  sendStatus(res, 404, "NotFound", `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind });
}

/** Reads the request's selectors, answering 400 itself when they are malformed. */
function filterOf(url: URL, res: ServerResponse): ObjectFilter | undefined {
  try {
    return selectorFilter(url);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    sendStatus(res, 400, "BadRequest", error.message);
    return undefined;
  }
}

function registerNodeMetrics(routes: RouteRegistry, source: MetricsSource): void {
  routes.http("GET", `${base}/nodes`, (_req, res, ctx) => {
    const filter = filterOf(ctx.url, res);
    if (!filter) return;
    const t = source.now();
    const scraped = scrapeTime(t);
    const items = source.index.nodes().filter(filter).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)).map((node) => {
      const usage = source.node(node.metadata.name, scraped)!.usage;
      return nodeMetrics(node, usage.cpuCores, usage.memoryWorkingSetBytes, scraped, t);
    });
    sendJson(res, 200, metricsList("NodeMetricsList", items));
  });
  routes.http("GET", `${base}/nodes/:name`, (_req, res, ctx) => {
    const t = source.now();
    const entry = source.node(ctx.params.name ?? "", scrapeTime(t));
    if (!entry) return notFound(res, "nodemetrics", "metrics.k8s.io", ctx.params.name ?? "");
    sendJson(res, 200, { kind: "NodeMetrics", apiVersion: "metrics.k8s.io/v1beta1", ...nodeMetrics(entry.node, entry.usage.cpuCores, entry.usage.memoryWorkingSetBytes, scrapeTime(t), t) });
  });
}

function registerPodMetrics(routes: RouteRegistry, source: MetricsSource): void {
  const list = (res: ServerResponse, ctx: RequestContext, namespace: string | undefined) => {
    const filter = filterOf(ctx.url, res);
    if (!filter) return;
    const t = source.now();
    const scraped = scrapeTime(t);
    const items = source.index.pods()
      .filter((p) => (namespace === undefined || p.metadata.namespace === namespace) && filter(p))
      .map((p) => podUsage(p, source.seed(), scraped))
      .filter((u) => u !== undefined)
      .sort((a, b) => `${a.pod.metadata.namespace}/${a.pod.metadata.name}`.localeCompare(`${b.pod.metadata.namespace}/${b.pod.metadata.name}`))
      .map((u) => podMetrics(u, scraped, t));
    sendJson(res, 200, metricsList("PodMetricsList", items));
  };
  routes.http("GET", `${base}/pods`, (_req, res, ctx) => list(res, ctx, undefined));
  routes.http("GET", `${base}/namespaces/:namespace/pods`, (_req, res, ctx) => list(res, ctx, ctx.params.namespace ?? ""));
  routes.http("GET", `${base}/namespaces/:namespace/pods/:name`, (_req, res, ctx) => {
    const { namespace = "", name = "" } = ctx.params;
    const t = source.now();
    const pod = source.index.pod(namespace, name);
    const usage = pod ? podUsage(pod, source.seed(), scrapeTime(t)) : undefined;
    if (!usage) return notFound(res, "podmetrics", "metrics.k8s.io", `${namespace}/${name}`);
    sendJson(res, 200, { kind: "PodMetrics", apiVersion: "metrics.k8s.io/v1beta1", ...podMetrics(usage, scrapeTime(t), t) });
  });
}

function registerKubeletProxy(routes: RouteRegistry, source: MetricsSource): void {
  routes.http("GET", "/api/v1/nodes/:name/proxy/stats/summary", (_req, res, ctx) => {
    const t = source.now();
    const entry = source.node(ctx.params.name ?? "", t);
    if (!entry) return notFound(res, "nodes", "", ctx.params.name ?? "");
    sendJson(res, 200, buildSummary(entry.node, entry.usage, t));
  });
  routes.http("GET", "/api/v1/nodes/:name/proxy/metrics/resource", (_req, res, ctx) => {
    const t = source.now();
    const entry = source.node(ctx.params.name ?? "", t);
    if (!entry) return notFound(res, "nodes", "", ctx.params.name ?? "");
    const text = renderResourceMetrics(entry.usage, t);
    res.writeHead(200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  });
}

/**
 * Serves what metrics-server and the kubelets serve in a real cluster: metrics.k8s.io (for kubectl top)
 * and each node's /stats/summary and /metrics/resource through the node proxy. Usage is computed on read.
 */
export function registerMetricsRoutes(routes: RouteRegistry, deps: { store: ObjectStore }): void {
  const index = usageIndexFor(deps.store);
  const counters = new NodeCpuCounters();
  const seed = () => simulationInfo(deps.store).seed;
  const source: MetricsSource = {
    index,
    seed,
    now: () => simulationInfo(deps.store).clock.now(),
    node: (name, atMs) => {
      const node = index.node(name);
      return node ? { node, usage: nodeUsage(node, index.podsOnNode(name), seed(), atMs, counters) } : undefined;
    },
  };
  routes.http("GET", base, (_req, res) => sendJson(res, 200, metricsResourceList()));
  registerNodeMetrics(routes, source);
  registerPodMetrics(routes, source);
  registerKubeletProxy(routes, source);
}
