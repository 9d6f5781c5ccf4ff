import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Config, Env } from "./config";

export type ClusterSource =
  | { type: "kubeconfig"; path?: string; context?: string }
  | { type: "in-cluster" }
  | { type: "demo"; why: string };

const serviceAccountToken = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** Decides where the cluster is: explicit flags first, then KUBECONFIG, ~/.kube/config, in-cluster, and the demo last. */
export function chooseClusterSource(config: Config, env: Env = process.env, fileExists: (file: string) => boolean = existsSync): ClusterSource {
  if (config.demo) return { type: "demo", why: "--demo was given" };
  if (config.kubeconfig || config.context) return { type: "kubeconfig", path: config.kubeconfig, context: config.context };
  if (env.KUBECONFIG) return { type: "kubeconfig" };
  if (env.KUBERNETES_SERVICE_HOST && fileExists(serviceAccountToken)) return { type: "in-cluster" };
  if (fileExists(path.join(env.HOME ?? homedir(), ".kube", "config"))) return { type: "kubeconfig" };
  return { type: "demo", why: "no kubeconfig, KUBECONFIG or in-cluster service account was found" };
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Orrery refuses to be reachable from other machines without login unless told so explicitly. */
export function checkListenSafety(config: Config): string | undefined {
  const loopback = loopbackHosts.has(config.host) || config.host.startsWith("127.");
  if (loopback || config.insecureNoAuth) return undefined;
  return `refusing to listen on ${config.host} without login: anyone who reaches it could act in the cluster. Listen on 127.0.0.1, or pass --insecure-no-auth if you really mean it`;
}
