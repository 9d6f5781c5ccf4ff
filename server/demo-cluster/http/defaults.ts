import type { KubeObject } from "@/server/kube/types";
import { storeKeyOf, type ResourceInfo } from "../resources";
import type { ObjectStore } from "../store";
import { field, isJson, list, str, type Json } from "./objectAccess";

// The defaults kube-apiserver fills in on create, for the fields clients and controllers read.

function setDefault(target: Json, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function child(target: Json, key: string): Json {
  if (!isJson(target[key])) target[key] = {};
  return target[key] as Json;
}

function defaultContainer(container: Json): void {
  const image = str(container.image);
  const tagged = /:[^/]+$/.test(image.split("@")[0] ?? "") && !image.endsWith(":latest");
  setDefault(container, "imagePullPolicy", tagged || image.includes("@") ? "IfNotPresent" : "Always");
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  setDefault(container, "resources", {});
  for (const port of list(container.ports)) setDefault(port, "protocol", "TCP");
}

export function defaultPodSpec(spec: Json): void {
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "schedulerName", "default-scheduler");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "enableServiceLinks", true);
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) defaultContainer(c);
}

/** kubectl's QoS class rules, simplified to requests and limits of cpu and memory. */
function qosClass(spec: Json): string {
  const containers = list(spec.containers);
  const resources = containers.map((c) => ({ requests: field(c, "resources", "requests"), limits: field(c, "resources", "limits") }));
  if (resources.every((r) => !isJson(r.requests) && !isJson(r.limits))) return "BestEffort";
  const guaranteed = resources.every((r) => isJson(r.limits) && ["cpu", "memory"].every((k) => (r.limits as Json)[k] !== undefined && (!isJson(r.requests) || (r.requests as Json)[k] === undefined || (r.requests as Json)[k] === (r.limits as Json)[k])));
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** A strategy without a type is a rolling one, with kube's default bounds. */
function defaultStrategy(spec: Json, key: string, rolling: Json): void {
  const strategy = child(spec, key);
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") strategy.rollingUpdate = { ...rolling, ...(isJson(strategy.rollingUpdate) ? strategy.rollingUpdate : {}) };
}

function defaultTemplate(object: Json, ...path: string[]): void {
  const template = field(object, ...path, "template", "spec");
  if (isJson(template)) defaultPodSpec(template);
}

function nextClusterIP(store: ObjectStore): string {
  const used = new Set(store.list("services").flatMap((s) => [str(field(s, "spec", "clusterIP"))]));
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const ip = `10.96.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
    if (!used.has(ip) && ip !== "10.96.0.1") return ip;
  }
  throw new Error("the demo service IP range is exhausted");
}

function defaultService(svc: Json, store: ObjectStore): void {
  const spec = child(svc, "spec");
  setDefault(spec, "type", "ClusterIP");
  setDefault(spec, "sessionAffinity", "None");
  if (spec.type !== "ExternalName") {
    if (spec.clusterIP === undefined || spec.clusterIP === "") spec.clusterIP = nextClusterIP(store);
    setDefault(spec, "clusterIPs", [spec.clusterIP]);
    setDefault(spec, "ipFamilies", ["IPv4"]);
    setDefault(spec, "ipFamilyPolicy", "SingleStack");
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  }
  for (const port of list(spec.ports)) {
    setDefault(port, "protocol", "TCP");
    setDefault(port, "targetPort", port.port);
    if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && port.nodePort === undefined) port.nodePort = 30000 + Math.floor(Math.random() * 2768);
  }
  setDefault(svc, "status", { loadBalancer: {} });
}

const byResource: Record<string, (o: Json, store: ObjectStore) => void> = {
  pods: (o) => {
    const spec = child(o, "spec");
    defaultPodSpec(spec);
    o.status = { phase: "Pending", qosClass: qosClass(spec) };
  },
  services: defaultService,
  namespaces: (o) => {
    setDefault(child(o, "spec"), "finalizers", ["kubernetes"]);
    o.status = { phase: "Active" };
    const meta = o.metadata as Json;
    meta.labels = { ...(meta.labels as Record<string, string> | undefined), "kubernetes.io/metadata.name": str(meta.name) };
  },
  secrets: (o) => setDefault(o, "type", "Opaque"),
  persistentvolumeclaims: (o) => (o.status = { phase: "Pending" }),
  persistentvolumes: (o) => (o.status = { phase: "Available" }),
  "apps/deployments": (o) => {
    const spec = child(o, "spec");
    setDefault(spec, "replicas", 1);
    setDefault(spec, "revisionHistoryLimit", 10);
    setDefault(spec, "progressDeadlineSeconds", 600);
    defaultStrategy(spec, "strategy", { maxSurge: "25%", maxUnavailable: "25%" });
    defaultTemplate(o, "spec");
  },
  "apps/replicasets": (o) => {
    setDefault(child(o, "spec"), "replicas", 1);
    defaultTemplate(o, "spec");
  },
  "apps/statefulsets": (o) => {
    const spec = child(o, "spec");
    setDefault(spec, "replicas", 1);
    setDefault(spec, "podManagementPolicy", "OrderedReady");
    setDefault(spec, "revisionHistoryLimit", 10);
    defaultStrategy(spec, "updateStrategy", { partition: 0 });
    defaultTemplate(o, "spec");
  },
  "apps/daemonsets": (o) => {
    const spec = child(o, "spec");
    setDefault(spec, "revisionHistoryLimit", 10);
    defaultStrategy(spec, "updateStrategy", { maxSurge: 0, maxUnavailable: 1 });
    defaultTemplate(o, "spec");
  },
  "batch/jobs": (o) => {
    const spec = child(o, "spec");
    if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
    setDefault(spec, "parallelism", 1);
    setDefault(spec, "backoffLimit", 6);
    setDefault(spec, "completionMode", "NonIndexed");
    setDefault(spec, "suspend", false);
    defaultTemplate(o, "spec");
  },
  "batch/cronjobs": (o) => {
    const spec = child(o, "spec");
    setDefault(spec, "suspend", false);
    setDefault(spec, "concurrencyPolicy", "Allow");
    setDefault(spec, "successfulJobsHistoryLimit", 3);
    setDefault(spec, "failedJobsHistoryLimit", 1);
    defaultTemplate(o, "spec", "jobTemplate", "spec");
  },
};

/** Fills in server-side defaults on a freshly parsed object (it is mutated). */
export function applyCreateDefaults(info: ResourceInfo, object: KubeObject, store: ObjectStore): void {
  byResource[storeKeyOf(info)]?.(object as Json, store);
}
