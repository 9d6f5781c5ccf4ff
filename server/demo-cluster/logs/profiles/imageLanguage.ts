// What a demo image is written in, so its logs, panics and stack traces read like that language's.

export type ImageLanguage = "go" | "node" | "java" | "python" | "dotnet" | "c" | "shell";

// Where the name alone does not say, the language of well-known images (Online Boutique, Kubernetes, Prometheus...).
const byName: [RegExp, ImageLanguage][] = [
  [/nginx|openresty|redis|valkey|postgres|timescale|postgis/, "c"],
  [/(^|\/)(busybox|alpine)(:|@|$)/, "shell"],
  [/java|spring|tomcat|jdk|jre|adservice/, "java"],
  [/python|django|flask|recommendationservice|emailservice|loadgenerator/, "python"],
  [/dotnet|aspnet|cartservice/, "dotnet"],
  [/(^|\/)node(:|@|$)|storefront|currencyservice|paymentservice/, "node"],
  [/(^|[/-])go([:@-]|$)|golang|registry\.k8s\.io\/|coredns|etcd|prometheus|node-exporter|grafana|metrics-server|kube-state-metrics|migrate|checkoutservice|productcatalogservice|shippingservice/, "go"],
  // A generic "frontend" is a Node app, the way the demo shell's image traits see it.
  [/frontend/, "node"],
];

/** The language of an image by its name; an image that does not say is taken for a static Go binary, as the demo shell runs /app/<name>. */
export function imageLanguage(image: string): ImageLanguage {
  const name = image.toLowerCase();
  for (const [pattern, language] of byName) if (pattern.test(name)) return language;
  return "go";
}

/** Kubernetes' own components log with klog, not a JSON logger. */
export const isKubernetesComponent = (image: string): boolean => /(^|\/)registry\.k8s\.io\/(kube-|metrics-server|kube-state-metrics)/.test(image.toLowerCase());
