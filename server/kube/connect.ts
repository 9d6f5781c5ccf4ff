import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import type { Env } from "../config";
import { KubeRequester, type KubeRequestInit, type KubeResponse, type KubeWebSocketInit, type KubeWebSocketResult } from "./request";

export type { KubeRequestInit, KubeResponse, KubeWebSocketInit, KubeWebSocketResult } from "./request";

export type ConnectionSource = "kubeconfig" | "in-cluster" | "demo";

/** One apiserver reached with one identity; every request carries the kubeconfig's credentials. */
export interface ClusterConnection {
  kubeConfig: KubeConfig;
  /** The apiserver URL, e.g. "https://10.0.0.1:6443". */
  server: string;
  source: ConnectionSource;
  contextName?: string;
  /** Resolves with any HTTP status; rejects with KubeConnectionError when the server cannot be reached. */
  request(path: string, init?: KubeRequestInit): Promise<KubeResponse>;
  /** Upgrades to a websocket with the same credentials; rejects with KubeConnectionError when the server cannot be reached. */
  openWebSocket(path: string, init?: KubeWebSocketInit): Promise<KubeWebSocketResult>;
}

/** A kubeconfig that cannot be used, worded as one line for the operator. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeconfigError";
  }
}

/** Loads a kubeconfig: the given path, else every file in KUBECONFIG (merged, first wins), else ~/.kube/config. */
export function connectFromKubeconfig(opts: { path?: string; context?: string } = {}): ClusterConnection {
  const present = findKubeconfigFiles(opts.path);
  const kubeConfig = new KubeConfig();
  for (const file of present) mergeFirstWins(kubeConfig, loadFile(file));
  return createConnection(kubeConfig, "kubeconfig", opts.context, present.join(", "));
}

/** The kubeconfig files that exist, in kubectl's order; none at all is an error, never a reason to pick another cluster. */
export function findKubeconfigFiles(explicit: string | undefined, env: Env = process.env): string[] {
  const { files, origin } = kubeconfigFiles(explicit, env);
  const present = files.filter((file) => existsSync(file));
  if (present.length === 0) {
    throw new KubeconfigError(`kubeconfig file not found: ${files.join(", ")} (${origin}); pass --kubeconfig <path>, set KUBECONFIG, or use --demo`);
  }
  return present;
}

/** Uses the pod's service account (token file re-read as it rotates) and the cluster CA, found below `serviceAccountRoot` ("" in a real pod). */
export function connectInCluster(serviceAccountRoot = ""): ClusterConnection {
  if (!process.env.KUBERNETES_SERVICE_HOST || !process.env.KUBERNETES_SERVICE_PORT) {
    throw new KubeconfigError("not running inside a cluster: KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set; use --kubeconfig or --demo");
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster(serviceAccountRoot);
  const tokenFile = kubeConfig.getCurrentUser()?.authProvider?.config?.tokenFile as string | undefined;
  if (tokenFile && !existsSync(tokenFile)) {
    throw new KubeconfigError(`in-cluster service account token not found at ${tokenFile}; is automountServiceAccountToken disabled?`);
  }
  return createConnection(kubeConfig, "in-cluster", undefined, "in-cluster service account");
}

/** For a kubeconfig generated in memory, such as the embedded demo cluster's. */
export function connectWithKubeconfigYaml(yaml: string, source: "demo"): ClusterConnection {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(yaml);
  } catch (error) {
    throw new KubeconfigError(`cannot parse the ${source} kubeconfig: ${(error as Error).message}`);
  }
  return createConnection(kubeConfig, source, undefined, `${source} kubeconfig`);
}

function kubeconfigFiles(explicit: string | undefined, env: Env): { files: string[]; origin: string } {
  if (explicit) return { files: [path.resolve(explicit)], origin: "--kubeconfig" };
  const fromEnv = (env.KUBECONFIG ?? "").split(path.delimiter).filter((entry) => entry.trim() !== "");
  if (fromEnv.length > 0) return { files: fromEnv.map((file) => path.resolve(file)), origin: "KUBECONFIG" };
  return { files: [path.join(env.HOME || os.homedir(), ".kube", "config")], origin: "default location" };
}

function loadFile(file: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(file);
  } catch (error) {
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${(error as Error).message}`);
  }
  return kubeConfig;
}

// kubectl's merge rule: the first file to define a name or the current context wins.
function mergeFirstWins(into: KubeConfig, from: KubeConfig): void {
  into.clusters = [...(into.clusters ?? []), ...from.clusters.filter((c) => !into.clusters?.some((x) => x.name === c.name))];
  into.users = [...(into.users ?? []), ...from.users.filter((u) => !into.users?.some((x) => x.name === u.name))];
  into.contexts = [...(into.contexts ?? []), ...from.contexts.filter((c) => !into.contexts?.some((x) => x.name === c.name))];
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
}

function createConnection(kubeConfig: KubeConfig, source: ConnectionSource, context: string | undefined, origin: string): ClusterConnection {
  const known = kubeConfig.getContexts().map((c) => c.name);
  const knownText = known.length > 0 ? known.join(", ") : "none";
  if (context !== undefined) {
    if (!known.includes(context)) throw new KubeconfigError(`context "${context}" not found in ${origin}; known contexts: ${knownText}`);
    kubeConfig.setCurrentContext(context);
  }
  const contextName = kubeConfig.getCurrentContext() || undefined;
  if (!contextName) throw new KubeconfigError(`${origin} has no current-context; pass --context (known contexts: ${knownText})`);
  const contextObject = kubeConfig.getContextObject(contextName);
  if (!contextObject) throw new KubeconfigError(`current-context "${contextName}" is not defined in ${origin}; known contexts: ${knownText}`);
  const cluster = kubeConfig.getCluster(contextObject.cluster);
  if (!cluster) throw new KubeconfigError(`context "${contextName}" refers to cluster "${contextObject.cluster}", which is not defined in ${origin}`);
  if (!/^https?:\/\//.test(cluster.server ?? "")) {
    throw new KubeconfigError(`cluster "${cluster.name}" in ${origin} has no usable server URL (got ${JSON.stringify(cluster.server ?? "")})`);
  }
  const requester = new KubeRequester(kubeConfig, cluster.server);
  return {
    kubeConfig,
    server: cluster.server,
    source,
    contextName,
    request: (requestPath, init) => requester.request(requestPath, init),
    openWebSocket: (socketPath, init) => requester.openWebSocket(socketPath, init),
  };
}
