import type { ObjectStore } from "./store";

/** The namespaces kube-apiserver creates at boot. */
export const systemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** What kube-apiserver itself creates in a new cluster: its namespaces and the `kubernetes` Service. */
export function seedSystemObjects(store: ObjectStore): void {
  for (const name of systemNamespaces) {
    if (store.get("namespaces", undefined, name)) continue;
    store.create("namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  }
  if (store.get("services", "default", "kubernetes")) return;
  store.create("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  });
}
