import { toTimestamp } from "../clock";
import { digestOf } from "../kubelet/containerStatus";
import { buildPod } from "../objects/podBuilder";
import type { Node } from "../objects/types";
import type { SeedScope } from "./materialize";
import { container } from "./workloadDef";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const meta = (name: string, namespace: string | undefined, createdMs: number, extra: Record<string, unknown> = {}) => ({ name, ...(namespace ? { namespace } : {}), creationTimestamp: toTimestamp(createdMs), ...extra });

const fakeCertificate = (subject: string) =>
  `-----BEGIN CERTIFICATE-----\n${b64(`demo certificate for ${subject} ${digestOf(subject)}`).match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;

/** A namespace with what every namespace has: the default ServiceAccount and the root CA ConfigMap. */
export function seedNamespace(scope: SeedScope, name: string, createdMs: number): void {
  scope.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: meta(name, undefined, createdMs, { labels: { "kubernetes.io/metadata.name": name } }), spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  scope.store.create("serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: meta("default", name, createdMs) });
  scope.store.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: meta("kube-root-ca.crt", name, createdMs, { annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } }), data: { "ca.crt": fakeCertificate("kubernetes") } });
}

/** ServiceAccounts, ConfigMaps and Secrets the demo workloads refer to. */
export function seedConfiguration(scope: SeedScope, createdMs: number): void {
  const { store } = scope;
  for (const name of ["coredns", "kube-proxy", "metrics-server"]) store.create("serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(name, "kube-system", createdMs) });
  store.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: meta("coredns", "kube-system", createdMs), data: { Corefile: ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n" } });
  store.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: meta("frontend-config", "shop", createdMs, { labels: { app: "frontend" } }), data: { "nginx.conf": "server {\n  listen 80;\n  location / {\n    root /usr/share/nginx/html;\n  }\n  location /api/cart {\n    proxy_pass http://cart:7070;\n  }\n}\n", LOG_LEVEL: "info" } });
  store.create("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: meta("prometheus-config", "monitoring", createdMs), data: { "prometheus.yml": "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n    relabel_configs:\n      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]\n        action: keep\n        regex: \"true\"\n" } });
  store.create("secrets", { apiVersion: "v1", kind: "Secret", metadata: meta("redis-auth", "shop", createdMs, { labels: { app: "redis" } }), type: "Opaque", data: { password: b64("s3cr3t-demo-password"), username: b64("default") } });
  store.create("secrets", { apiVersion: "v1", kind: "Secret", metadata: meta("shop-tls", "shop", createdMs), type: "kubernetes.io/tls", data: { "tls.crt": b64(fakeCertificate("shop.demo.local")), "tls.key": b64("-----BEGIN PRIVATE KEY-----\ndemo-key-not-a-real-key\n-----END PRIVATE KEY-----\n") } });
}

/** The "kubernetes" Service and its EndpointSlice pointing at the control plane's apiserver. */
export function seedApiServerService(scope: SeedScope, controlPlane: Node, createdMs: number): void {
  const service = scope.store.create("services", {
    apiVersion: "v1", kind: "Service", metadata: meta("kubernetes", "default", createdMs, { labels: { component: "apiserver", provider: "kubernetes" } }),
    spec: { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }], sessionAffinity: "None", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster" },
    status: { loadBalancer: {} },
  });
  const address = controlPlane.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "10.0.0.10";
  scope.store.create("discovery.k8s.io/endpointslices", {
    apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: meta("kubernetes", "default", createdMs, { labels: { "kubernetes.io/service-name": "kubernetes", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" }, ownerReferences: [{ apiVersion: "v1", kind: "Service", name: "kubernetes", uid: service.metadata.uid ?? "", controller: true, blockOwnerDeletion: true }] }),
    addressType: "IPv4", endpoints: [{ addresses: [address], conditions: { ready: true, serving: true, terminating: false } }], ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });
}

const staticPods = [
  { component: "etcd", image: "registry.k8s.io/etcd:3.5.16-0", cpu: "100m", memory: "100Mi" },
  { component: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:v1.32.2", cpu: "250m" },
  { component: "kube-controller-manager", image: "registry.k8s.io/kube-controller-manager:v1.32.2", cpu: "200m" },
  { component: "kube-scheduler", image: "registry.k8s.io/kube-scheduler:v1.32.2", cpu: "100m" },
];

/** The control plane's static pods, mirrored into the API and owned by their Node as the kubelet does. */
export function seedStaticPods(scope: SeedScope, node: Node, createdMs: number): void {
  for (const p of staticPods) {
    const hash = digestOf(`${p.component}/${node.metadata.name}`).slice(0, 32);
    const pod = buildPod({
      namespace: "kube-system",
      name: `${p.component}-${node.metadata.name}`,
      template: { metadata: { labels: { component: p.component, tier: "control-plane" } }, spec: { containers: [container(p.component, p.image, { cpu: p.cpu, memory: p.memory, command: [p.component] })], hostNetwork: true, priorityClassName: "system-node-critical", tolerations: [{ operator: "Exists", effect: "NoExecute" }] } },
      createdMs,
    });
    pod.metadata.annotations = { "kubernetes.io/config.hash": hash, "kubernetes.io/config.mirror": hash, "kubernetes.io/config.seen": toTimestamp(createdMs), "kubernetes.io/config.source": "file" };
    pod.metadata.ownerReferences = [{ apiVersion: "v1", kind: "Node", name: node.metadata.name, uid: node.metadata.uid ?? "", controller: true }];
    scope.store.create("pods", scope.settler.settle(pod, createdMs, scope.now, node));
  }
}

/** The Ingress in front of the shop and the budget that keeps two frontends up during drains. */
export function seedShopEdge(scope: SeedScope, createdMs: number): void {
  scope.store.create("networking.k8s.io/ingresses", {
    apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta("shop", "shop", createdMs, { annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } }),
    spec: { ingressClassName: "nginx", tls: [{ hosts: ["shop.demo.local"], secretName: "shop-tls" }], rules: [{ host: "shop.demo.local", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "frontend", port: { number: 80 } } } }] } }] },
    status: { loadBalancer: { ingress: [{ ip: "10.0.0.200" }] } },
  });
  scope.store.create("policy/poddisruptionbudgets", {
    apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta("frontend", "shop", createdMs),
    spec: { minAvailable: 2, selector: { matchLabels: { app: "frontend" } }, unhealthyPodEvictionPolicy: "IfHealthyBudget" },
  });
}
