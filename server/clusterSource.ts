import { accessSync, constants, existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { ConfigError, type Config, type Env } from "./config";
import { isLoopbackHost } from "./http/loopback";
import { findKubeconfigFiles } from "./kube/connect";

// `serviceAccountRoot` is "" in a real pod; tests put the service account below a temp dir.
export type ClusterSource =
  | { type: "kubeconfig"; path?: string; context?: string }
  | { type: "in-cluster"; serviceAccountRoot: string }
  | { type: "demo"; why: string };

const serviceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The files Kubernetes mounts into a pod for its service account, below `root` (as @kubernetes/client-node reads them). */
export function serviceAccountFiles(root = ""): { token: string; ca: string } {
  return { token: `${root}${serviceAccountDir}/token`, ca: `${root}${serviceAccountDir}/ca.crt` };
}

/**
 * Decides where the cluster is: --demo, then --kubeconfig/--context, KUBECONFIG, the pod's service account,
 * ~/.kube/config, and the demo only when none of these is configured outside a pod. A configured source that
 * cannot be used is a ConfigError or KubeconfigError (one line), never a silent switch to the demo.
 */
export function chooseClusterSource(config: Config, env: Env = process.env, serviceAccountRoot = ""): ClusterSource {
  if (config.demo) return { type: "demo", why: "--demo was given" };
  if (config.kubeconfig || config.context || env.KUBECONFIG) {
    findKubeconfigFiles(config.kubeconfig, env);
    return { type: "kubeconfig", path: config.kubeconfig, context: config.context };
  }
  const inPod = Boolean(env.KUBERNETES_SERVICE_HOST);
  const unreadable = inPod ? unreadableServiceAccountFile(serviceAccountRoot) : undefined;
  if (inPod && !unreadable) return { type: "in-cluster", serviceAccountRoot };
  if (existsSync(path.join(env.HOME || homedir(), ".kube", "config"))) return { type: "kubeconfig" };
  if (unreadable) {
    throw new ConfigError(
      `running in a pod (KUBERNETES_SERVICE_HOST is set) but the ${unreadable} is not readable; mount the service account (automountServiceAccountToken: true) or pass --kubeconfig <path>; --demo starts the built-in simulated cluster instead`,
    );
  }
  return { type: "demo", why: "no kubeconfig, KUBECONFIG or in-cluster service account was found" };
}

// Names the first service-account file a pod lacks, as the operator should look for it.
function unreadableServiceAccountFile(root: string): string | undefined {
  const files = serviceAccountFiles(root);
  if (!isReadableFile(files.token)) return `service account token ${files.token}`;
  if (!isReadableFile(files.ca)) return `service account CA certificate ${files.ca}`;
  return undefined;
}

function isReadableFile(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
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
