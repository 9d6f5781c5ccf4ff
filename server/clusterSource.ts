import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Config, Env } from "./config";
import { isLoopbackHost } from "./http/loopback";

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

/** How people log in: `none` serves whoever owns the kubeconfig and is safe only on loopback. */
export type ListenAuthMode = "none" | "basic" | "oidc";

// A listen address or URL host: parsed as an address, so "127.corp.lan" is a name like any other.
function isLoopback(host: string): boolean {
  return isLoopbackHost(host);
}

/** Orrery refuses to be reachable from other machines without login unless told so explicitly; with login any address is fine. */
export function checkListenSafety(config: Pick<Config, "host" | "insecureNoAuth">, authMode: ListenAuthMode): string | undefined {
  if (isLoopback(config.host) || authMode !== "none" || config.insecureNoAuth) return undefined;
  return `refusing to listen on ${config.host} without login: anyone who reaches it could act in the cluster. Listen on 127.0.0.1, turn on login (basic or oidc), or pass --insecure-no-auth if you really mean it`;
}

/** A warning when logins would travel in clear text: login is on but people reach Orrery over plain http from another machine. */
export function checkTransportSafety(authMode: ListenAuthMode, publicUrl: string | undefined, listenHost: string): string | undefined {
  if (authMode === "none") return undefined;
  if (!publicUrl) {
    if (isLoopback(listenHost)) return undefined;
    return `login is on and Orrery serves plain http on ${listenHost} with no public URL: passwords and session cookies cross the network unencrypted unless a TLS proxy is in front; set an https public URL`;
  }
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" || isLoopback(url.hostname)) return undefined;
  return `the public URL ${url.origin} is plain http: passwords and session cookies cross the network unencrypted; put Orrery behind TLS and use an https public URL`;
}
