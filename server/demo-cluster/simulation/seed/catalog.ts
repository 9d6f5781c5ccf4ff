import { container, days, minutes, type WorkloadDef } from "./workloadDef";

// The hand-made demo: the names here are what tests and docs refer to.

const scrape = (port: number) => ({ "prometheus.io/scrape": "true", "prometheus.io/port": String(port), "prometheus.io/path": "/metrics" });
const httpReady = (path: string, port: number | string, initialDelaySeconds = 2, periodSeconds = 5) => ({ httpGet: { path, port, scheme: "HTTP" }, initialDelaySeconds, periodSeconds });
const tolerateAll = { tolerations: [{ operator: "Exists" }] };

function systemWorkloads(): WorkloadDef[] {
  return [
    {
      kind: "Deployment", namespace: "kube-system", name: "coredns", replicas: 2, selector: { "k8s-app": "kube-dns" }, ageMs: days(12),
      containers: [container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", { cpu: "100m", memory: "70Mi", memoryLimit: "170Mi", args: ["-conf", "/etc/coredns/Corefile"], ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }, { name: "dns-tcp", containerPort: 53, protocol: "TCP" }, { name: "metrics", containerPort: 9153, protocol: "TCP" }], readiness: httpReady("/ready", 8181, 0, 10) })],
      podSpec: { priorityClassName: "system-cluster-critical", serviceAccountName: "coredns", tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] },
      service: { name: "kube-dns", clusterIP: "10.96.0.10", labels: { "k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS" }, ports: [{ name: "dns", port: 53, targetPort: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, targetPort: 53 }, { name: "metrics", port: 9153, targetPort: 9153 }] },
    },
    {
      kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy", selector: { "k8s-app": "kube-proxy" }, ageMs: days(12),
      containers: [container("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.2", { command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"] })],
      podSpec: { hostNetwork: true, priorityClassName: "system-node-critical", serviceAccountName: "kube-proxy", nodeSelector: { "kubernetes.io/os": "linux" }, ...tolerateAll },
    },
    {
      kind: "Deployment", namespace: "kube-system", name: "metrics-server", replicas: 1, selector: { "k8s-app": "metrics-server" }, ageMs: days(12),
      containers: [container("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.7.2", { cpu: "100m", memory: "200Mi", args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP", "--metric-resolution=15s"], ports: [{ name: "https", containerPort: 10250 }], readiness: { httpGet: { path: "/readyz", port: "https", scheme: "HTTPS" }, initialDelaySeconds: 5, periodSeconds: 10 } })],
      podSpec: { priorityClassName: "system-cluster-critical", serviceAccountName: "metrics-server" },
      service: { ports: [{ name: "https", port: 443, targetPort: "https" }] },
    },
  ];
}

function shopWorkloads(): WorkloadDef[] {
  const boutique = (name: string, tag = "v0.10.1") => `gcr.io/google-samples/microservices-demo/${name}:${tag}`;
  return [
    {
      kind: "Deployment", namespace: "shop", name: "frontend", replicas: 3, selector: { app: "frontend" }, labels: { tier: "web" }, ageMs: days(6),
      containers: [container("nginx", "nginx:1.27", { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "http", containerPort: 80 }], readiness: httpReady("/", "http") })],
      service: { ports: [{ name: "http", port: 80, targetPort: "http" }] },
    },
    {
      kind: "Deployment", namespace: "shop", name: "cart", replicas: 2, selector: { app: "cart" }, labels: { tier: "backend" }, ageMs: days(6),
      containers: [container("server", boutique("cartservice"), { cpu: "200m", memory: "64Mi", cpuLimit: "300m", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 7070 }], env: [{ name: "REDIS_ADDR", value: "redis:6379" }], readiness: { tcpSocket: { port: 7070 }, initialDelaySeconds: 3, periodSeconds: 5 } })],
      service: { ports: [{ name: "grpc", port: 7070, targetPort: 7070 }] },
    },
    {
      kind: "Deployment", namespace: "shop", name: "catalog", replicas: 2, selector: { app: "catalog" }, labels: { tier: "backend" }, ageMs: days(6),
      containers: [container("server", boutique("productcatalogservice"), { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 3550 }] })],
      service: { ports: [{ name: "grpc", port: 3550, targetPort: 3550 }] },
    },
    {
      kind: "Deployment", namespace: "shop", name: "currency", replicas: 2, selector: { app: "currency" }, labels: { tier: "backend" }, ageMs: days(6),
      containers: [container("server", boutique("currencyservice"), { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 7000 }] })],
      service: { ports: [{ name: "grpc", port: 7000, targetPort: 7000 }] },
    },
    {
      kind: "Deployment", namespace: "shop", name: "payment", replicas: 2, selector: { app: "payment" }, labels: { tier: "backend" }, ageMs: days(6),
      containers: [container("server", boutique("paymentservice"), { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 50051 }] })],
      service: { ports: [{ name: "grpc", port: 50051, targetPort: 50051 }] },
    },
  ];
}

/** The shop's troubled parts and its state: a crash loop, a memory leak, and Redis. */
function shopTroubleAndState(): WorkloadDef[] {
  const boutique = (name: string, tag = "v0.10.1") => `gcr.io/google-samples/microservices-demo/${name}:${tag}`;
  return [
    {
      kind: "Deployment", namespace: "shop", name: "checkout", replicas: 1, selector: { app: "checkout" }, labels: { tier: "backend" }, ageMs: minutes(47), behavior: "crashloop",
      containers: [container("server", boutique("checkoutservice", "v0.10.2"), { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 5050 }], env: [{ name: "PAYMENT_SERVICE_ADDR", value: "payment:50051" }] })],
      service: { ports: [{ name: "grpc", port: 5050, targetPort: 5050 }] },
    },
    {
      kind: "Deployment", namespace: "shop", name: "leaky", replicas: 1, selector: { app: "leaky" }, labels: { tier: "backend" }, ageMs: minutes(38), behavior: "leak",
      containers: [container("recommender", boutique("recommendationservice"), { cpu: "100m", memory: "64Mi", memoryLimit: "128Mi", ports: [{ name: "grpc", containerPort: 8080 }] })],
      service: { name: "recommendation", ports: [{ name: "grpc", port: 8080, targetPort: 8080 }] },
    },
    {
      kind: "StatefulSet", namespace: "shop", name: "redis", replicas: 3, selector: { app: "redis" }, labels: { tier: "cache" }, ageMs: days(6),
      containers: [container("redis", "redis:7.4", { cpu: "50m", memory: "64Mi", memoryLimit: "256Mi", ports: [{ name: "redis", containerPort: 6379 }], readiness: { exec: { command: ["redis-cli", "ping"] }, initialDelaySeconds: 2, periodSeconds: 5 } })],
      volumeClaims: [{ name: "data", storage: "1Gi" }],
      service: { headless: true, ports: [{ name: "redis", port: 6379, targetPort: 6379 }] },
    },
  ];
}

function monitoringWorkloads(): WorkloadDef[] {
  return [
    {
      kind: "DaemonSet", namespace: "monitoring", name: "node-exporter", selector: { app: "node-exporter" }, ageMs: days(9), podAnnotations: scrape(9100),
      containers: [container("node-exporter", "quay.io/prometheus/node-exporter:v1.8.2", { cpu: "10m", memory: "24Mi", memoryLimit: "64Mi", args: ["--path.rootfs=/host"], ports: [{ name: "metrics", containerPort: 9100 }] })],
      podSpec: { hostNetwork: true, ...tolerateAll },
    },
    {
      kind: "Deployment", namespace: "monitoring", name: "prometheus", replicas: 1, selector: { app: "prometheus" }, ageMs: days(9), podAnnotations: scrape(9090),
      containers: [container("prometheus", "quay.io/prometheus/prometheus:v2.54.1", { cpu: "200m", memory: "512Mi", memoryLimit: "1Gi", args: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention.time=15d"], ports: [{ name: "web", containerPort: 9090 }], readiness: httpReady("/-/ready", "web", 5, 5) })],
      service: { ports: [{ name: "web", port: 9090, targetPort: "web" }] },
    },
    {
      kind: "Deployment", namespace: "monitoring", name: "grafana", replicas: 1, selector: { app: "grafana" }, ageMs: days(9),
      containers: [container("grafana", "grafana/grafana:11.2.0", { cpu: "100m", memory: "128Mi", memoryLimit: "256Mi", ports: [{ name: "http", containerPort: 3000 }], readiness: httpReady("/api/health", "http", 5, 10) })],
      service: { ports: [{ name: "http", port: 3000, targetPort: "http" }] },
    },
    {
      kind: "Deployment", namespace: "monitoring", name: "kube-state-metrics", replicas: 1, selector: { app: "kube-state-metrics" }, ageMs: days(9), podAnnotations: scrape(8080),
      containers: [container("kube-state-metrics", "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0", { cpu: "10m", memory: "64Mi", memoryLimit: "256Mi", ports: [{ name: "http-metrics", containerPort: 8080 }] })],
      service: { ports: [{ name: "http-metrics", port: 8080, targetPort: "http-metrics" }] },
    },
  ];
}

function batchAndDefault(): WorkloadDef[] {
  return [
    {
      kind: "CronJob", namespace: "batch", name: "report", schedule: "*/1 * * * *", selector: { app: "report" }, ageMs: days(3),
      containers: [container("report", "busybox:1.36", { cpu: "50m", memory: "32Mi", command: ["/bin/sh", "-c", "date; echo generating report; sleep 10"] })],
      podSpec: { restartPolicy: "OnFailure" },
    },
    {
      kind: "Job", namespace: "batch", name: "db-migrate", backoffLimit: 3, selector: { app: "db-migrate" }, ageMs: 0, behavior: "fail",
      containers: [container("migrate", "migrate/migrate:v4.17.1", { cpu: "50m", memory: "32Mi", args: ["-path=/migrations", "-database=postgres://shop@postgres.shop:5432/shop?sslmode=disable", "up"] })],
      podSpec: { restartPolicy: "Never" },
    },
    {
      kind: "Pod", namespace: "default", name: "hello", selector: { app: "hello" }, ageMs: days(2),
      containers: [container("hello", "nginx:1.27-alpine", { cpu: "10m", memory: "16Mi", ports: [{ name: "http", containerPort: 80 }] })],
      service: { type: "NodePort", ports: [{ name: "http", port: 80, targetPort: "http", nodePort: 30080 }] },
    },
  ];
}

/** Every hand-made workload of the demo, in creation order. */
export function baseWorkloads(): WorkloadDef[] {
  return [...systemWorkloads(), ...shopWorkloads(), ...shopTroubleAndState(), ...monitoringWorkloads(), ...batchAndDefault()];
}

export const baseNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease", "shop", "monitoring", "batch"];

/** Pods the base demo runs besides DaemonSet pods, static pods and batch pods (for sizing). */
export function basePodCount(): number {
  return baseWorkloads().filter((w) => w.kind !== "DaemonSet" && w.kind !== "CronJob" && w.kind !== "Job").reduce((n, w) => n + (w.replicas ?? 1), 0);
}
