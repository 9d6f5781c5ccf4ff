import { randomBytes } from "node:crypto";
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { log } from "@/server/log";
import { registerExecRoutes } from "./exec/execRoutes";
import type { DemoFaults } from "./http/faults";
import { createServingCert } from "./http/selfSignedCert";
import { renderKubeconfig } from "./kubeconfig";
import { registerPodLogRoutes } from "./logs/podLogRoutes";
import { createDemoApiServer } from "./server";
import { registerMetricsRoutes } from "./simulation/metricsRoutes";
import { startSimulation } from "./simulation/startSimulation";
import { ObjectStore } from "./store";
import { seedSystemObjects } from "./systemObjects";

export interface StartDemoClusterOptions {
  /** Defaults to 127.0.0.1; the demo's token sits in a kubeconfig, so it belongs on loopback. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  nodes?: number;
  pods?: number;
  /** Where to write the kubeconfig (mode 0600); nothing is written without it. */
  kubeconfigOut?: string;
  /** Deliberately broken behaviours, for the contract suite's mutation tests only. */
  faults?: DemoFaults;
}

export interface DemoCluster {
  /** https://…; the certificate is self-signed and generated at start. */
  url: string;
  token: string;
  /** The server's certificate (PEM), which is also its CA; the kubeconfig carries it. */
  caPem: string;
  /** The kubeconfig YAML for `url` and `token`. */
  kubeconfig: string;
  kubeconfigPath?: string;
  store: ObjectStore;
  stop(): Promise<void>;
}

/** Starts the embedded demo cluster: store, simulated workloads, API server, and a kubeconfig for it. */
export async function startDemoCluster(options: StartDemoClusterOptions = {}): Promise<DemoCluster> {
  const store = new ObjectStore();
  const token = randomBytes(32).toString("base64url");
  const sim = startSimulation(store, { nodes: options.nodes, pods: options.pods });
  // The simulation seeds these with history; this only fills in what it left out.
  seedSystemObjects(store);
  const host = options.host ?? "127.0.0.1";
  const tls = createServingCert([...new Set([host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host, "127.0.0.1", "localhost"])]);
  const server = createDemoApiServer({ store, token, tls, faults: options.faults });
  registerMetricsRoutes(server.routes, { store });
  registerPodLogRoutes(server.routes, { store });
  registerExecRoutes(server.routes, { store });
  // A long-running apiserver has compacted its history: watching from "1" is 410 Gone.
  store.compact();
  const url = await server.listen(options.port ?? 0, host).catch(async (error: unknown) => {
    sim.stop();
    await server.close();
    throw error;
  });
  const kubeconfig = renderKubeconfig(url, token, tls.certPem);
  const kubeconfigPath = options.kubeconfigOut ? path.resolve(options.kubeconfigOut) : undefined;
  if (kubeconfigPath) {
    await writeFile(kubeconfigPath, kubeconfig, { mode: 0o600 });
    await chmod(kubeconfigPath, 0o600);
  }
  log.info({ url, kubeconfig: kubeconfigPath, nodes: options.nodes, pods: options.pods }, "demo cluster started");
  return {
    url,
    token,
    caPem: tls.certPem,
    kubeconfig,
    kubeconfigPath,
    store,
    stop: async () => {
      sim.stop();
      await server.close();
    },
  };
}
