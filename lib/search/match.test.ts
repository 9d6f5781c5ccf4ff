import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import type { SearchQuery } from "./ast";
import { combinePinned, matchNode, searchNodes } from "./match";
import { parseSearch } from "./parse";

function query(text: string): SearchQuery {
  const result = parseSearch(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.query;
}

const Mi = 2 ** 20;

const redis: TopologyNode = {
  id: "pod-redis",
  kind: "Pod",
  name: "redis-0",
  namespace: "shop",
  status: "running",
  labels: { app: "redis", tier: "cache" },
  annotations: { "owner.example.com/team": "Data Platform" },
  node: "worker-1",
  images: ["docker.io/library/redis:7.2"],
  metrics: { cpuMillicores: 300, memoryBytes: 150 * Mi, restarts: 4 },
};
const web: TopologyNode = {
  id: "pod-web",
  kind: "Pod",
  name: "web-7c9",
  namespace: "shop-staging",
  status: "crashlooping",
  labels: { app: "web" },
  node: "worker-2",
  images: ["nginx:1.25"],
  metrics: { restarts: 0 },
};
const dns: TopologyNode = { id: "dep-dns", kind: "Deployment", name: "coredns", namespace: "kube-system", status: "running" };
const service: TopologyNode = { id: "svc-redis", kind: "Service", name: "redis", namespace: "shop", status: "running", labels: { app: "redis" } };
const nodes = [redis, web, dns, service];

function idsMatching(text: string): string[] {
  return [...searchNodes(query(text), nodes).matches].sort();
}

describe("matchNode", () => {
  test.each<[string, string[]]>([
    ["", ["dep-dns", "pod-redis", "pod-web", "svc-redis"]],
    ["REDIS", ["pod-redis", "svc-redis"]],
    ["cache", ["pod-redis"]],
    ["data platform", ["pod-redis"]],
    ["data web", []],
    ['"platform data"', []],
    ['"data platform"', ["pod-redis"]],
    ["owner.example.com", ["pod-redis"]],
    ["kube", ["dep-dns"]],
    ["worker-1", []],
    ["/^redis-\\d$/", ["pod-redis"]],
    ["/^REDIS/", []],
    ["/^REDIS/i", ["pod-redis", "svc-redis"]],
    ["ns:shop", ["pod-redis", "svc-redis"]],
    ["ns:SHOP", ["pod-redis", "svc-redis"]],
    ["ns:/^shop/", ["pod-redis", "pod-web", "svc-redis"]],
    ["-ns:kube-system", ["pod-redis", "pod-web", "svc-redis"]],
    ["kind:pod", ["pod-redis", "pod-web"]],
    ["kind:deploy", ["dep-dns"]],
    ["!kind:pod", ["dep-dns", "svc-redis"]],
    ["node:worker-2", ["pod-web"]],
    ["node:worker", []],
    ["status:crashloopbackoff", ["pod-web"]],
    ["label:app=redis", ["pod-redis", "svc-redis"]],
    ["label:tier", ["pod-redis"]],
    ["label:app=red", []],
    ["-label:app", ["dep-dns"]],
    ["image:nginx", ["pod-web"]],
    ["image:/library\\/redis/", ["pod-redis"]],
    ["name:web", ["pod-web"]],
    ["cpu > 250m", ["pod-redis"]],
    ["cpu > 300m", []],
    ["cpu >= 0.3", ["pod-redis"]],
    ["cpu = 300m", ["pod-redis"]],
    ["-cpu > 250m", ["dep-dns", "pod-web", "svc-redis"]],
    ["memory > 100M", ["pod-redis"]],
    ["memory > 150Mi", []],
    ["memory <= 150MB", ["pod-redis"]],
    ["restarts >= 3", ["pod-redis"]],
    ["restarts < 1", ["pod-web"]],
    ["restarts = 0", ["pod-web"]],
    ["ns:shop kind:pod redis", ["pod-redis"]],
    ["kind:pod -status:running", ["pod-web"]],
  ])("%j matches %j", (text, ids) => {
    expect(idsMatching(text)).toEqual(ids);
  });

  test("a node without metrics never matches a metric comparison", () => {
    expect(matchNode(query("restarts >= 0"), dns)).toBe(false);
    expect(matchNode(query("memory < 1Ti"), web)).toBe(false);
  });
});

describe("searchNodes", () => {
  test("counts matches by kind", () => {
    expect(searchNodes(query("redis"), nodes).countsByKind).toEqual({ Pod: 1, Service: 1 });
    expect(searchNodes(query("nothing-like-this"), nodes)).toEqual({ matches: new Set(), countsByKind: {} });
  });
});

describe("combinePinned", () => {
  test("ANDs pinned searches", () => {
    const pinned = combinePinned([query("ns:shop"), query("kind:service")]);
    expect(pinned.text).toBe("ns:shop kind:service");
    expect([...searchNodes(pinned, nodes).matches]).toEqual(["svc-redis"]);
  });

  test("with no pinned searches filters nothing out", () => {
    expect(searchNodes(combinePinned([]), nodes).matches.size).toBe(nodes.length);
  });
});
