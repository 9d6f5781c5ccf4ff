import { dump } from "js-yaml";

/** The cluster, context and user name in every generated kubeconfig. */
export const kubeconfigName = "orrery-demo";

/**
 * A kubeconfig for the demo apiserver at `url` with a bearer token. With `caPem` (the server's
 * self-signed certificate) the cluster is trusted exactly; kubectl sends the token only over https.
 */
export function renderKubeconfig(url: string, token: string, caPem?: string): string {
  const cluster = caPem ? { server: url, "certificate-authority-data": Buffer.from(caPem).toString("base64") } : { server: url };
  return dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: kubeconfigName, cluster }],
    contexts: [{ name: kubeconfigName, context: { cluster: kubeconfigName, user: kubeconfigName, namespace: "default" } }],
    "current-context": kubeconfigName,
    users: [{ name: kubeconfigName, user: { token } }],
    preferences: {},
  });
}
