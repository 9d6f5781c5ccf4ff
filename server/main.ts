import type { IncomingMessage, Server } from "node:http";
import next from "next";
import { ConfigError, loadConfig, type Config } from "./config";
import { checkBasePath, readBuiltBasePath } from "./basePath";
import { checkListenSafety, checkTransportSafety, chooseClusterSource } from "./clusterSource";
import { connectCluster, type ConnectedCluster } from "./connectCluster";
import { KubeconfigError, type ClusterConnection } from "./kube/connect";
import { ClusterCache } from "./kube/cache";
import { KubeApiError, KubeConnectionError } from "./kube/errors";
import { startUsagePoller, type UsagePoller } from "./kube/usage/usagePoller";
import { createStreamServer, type StreamServer } from "./stream/streamServer";
import { createExecServer, type ExecServer } from "./exec/execServer";
import { createUpgradeRouter, type UpgradeHandler } from "./http/upgradeRouter";
import { createHttpServer } from "./http/httpServer";
import { createRequestGate } from "./http/requestGate";
import { originPolicyFor, securitySettingsFrom } from "./http/securitySettings";
import { SocketSessions } from "./http/socketSessions";
import { createUpgradeGuard } from "./http/upgradeGuard";
import { headerOf } from "./http/requestHeaders";
import { TrustedProxies } from "./http/trustedProxies";
import { initAuth } from "./auth/authState";
import { addRequestAuthenticator, authenticateRequest } from "./auth/authenticate";
import { stampRemoteAddress } from "./auth/clientAddress";
import { onSessionEnded } from "./auth/sessions";
import { buildAuthSettings, type AuthSettings } from "./auth/settings";
import { authenticateEmbedToken } from "./embed/embedAuthenticator";
import { embedSessionId, embedTokensFor } from "./embed/embedTokens";
import { closeProcessStateStore, openProcessStateStore } from "./state/processStateStore";
import { StateSecretError } from "./state/secretStateStore";
import { setRuntime } from "./runtime";
import { MAX_BODY_BYTES } from "./http/limits";
import type { MetricsRuntime } from "./metrics/metricsRuntime";
import { startMetrics } from "./metrics/startMetrics";
import { log, setLogLevel } from "./log";

function exitWithLine(message: string): never {
  process.stderr.write(`orrery: ${message}\n`);
  process.exit(2);
}

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitWithLine(error.message);
  }
}

// Login settings and the listen address are checked before anything starts or logs: a wrong start costs one line.
function checkAuthOrExit(config: Config): AuthSettings {
  try {
    const settings = buildAuthSettings(config, process.env);
    checkSafetyOrExit(config, settings);
    return settings;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitWithLine(error.message);
  }
}

// With --state-secret, ended sessions and embed tokens live in that Secret (read with Orrery's identity) before login starts.
async function openStateStoreOrExit(config: Config, connection: ClusterConnection): Promise<void> {
  try {
    const store = await openProcessStateStore(config.stateSecret, config.dataDir, connection);
    log.info({ state: store.description }, "shared state opened");
  } catch (error) {
    if (error instanceof StateSecretError) exitWithLine(error.message);
    if (error instanceof KubeApiError || error instanceof KubeConnectionError) exitWithLine(`cannot read the state Secret ${config.stateSecret}: ${error.message}`);
    throw error;
  }
}

function checkSafetyOrExit(config: Config, auth: AuthSettings): void {
  const refusal = checkListenSafety(config, auth.mode);
  if (refusal) exitWithLine(refusal);
}

/** Sockets close when their login ends (logout, revocation, an embed token revoked) or expires. */
function watchLogins(config: Config, sockets: SocketSessions): () => void {
  const stopSessions = onSessionEnded((sessionId) => sockets.endSession(sessionId));
  const stopEmbeds = embedTokensFor(config.dataDir).onRevoked((tokenId) => sockets.endSession(embedSessionId(tokenId)));
  return () => {
    stopSessions();
    stopEmbeds();
  };
}

// A kubeconfig that is missing or names an unknown context, or a pod without its service account, is a wrong start,
// not a crash and never a reason to show the demo instead: one line, like a bad flag.
async function connectClusterOrExit(config: Config): Promise<ConnectedCluster> {
  try {
    return await connectCluster(chooseClusterSource(config), config);
  } catch (error) {
    if (!(error instanceof KubeconfigError) && !(error instanceof ConfigError)) throw error;
    exitWithLine(error.message);
  }
}

// The metrics store opens before serving; a store or token file that cannot be opened is a wrong start, said in one line.
async function startMetricsOrExit(config: Config): Promise<MetricsRuntime> {
  try {
    return await startMetrics(config);
  } catch (error) {
    exitWithLine(`cannot start the metrics engine: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Query forms and remote-write bodies have their own caps; the write route bounds and answers oversized bodies itself.
function bodyLimitFor(config: Config, metrics: MetricsRuntime): (path: string) => number {
  const promPrefix = `${config.basePath}/api/prom/`;
  return (path) => {
    if (path === `${promPrefix}api/v1/write`) return Infinity;
    return path.startsWith(promPrefix) ? Math.max(metrics.queryMaxBodyBytes, MAX_BODY_BYTES) : MAX_BODY_BYTES;
  };
}

function isNextInternal(req: IncomingMessage): boolean {
  return (req.url ?? "").includes("/_next/");
}

interface Serving {
  server: Server;
  stream: StreamServer;
  exec: ExecServer;
  stopWatching: () => void;
}

async function serve(config: Config, connection: ClusterConnection, cache: ClusterCache, usage: UsagePoller, metrics: MetricsRuntime): Promise<Serving> {
  const app = next({ dev: config.dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  const policy = originPolicyFor(securitySettingsFrom(config));
  const gate = createRequestGate(() => policy, bodyLimitFor(config, metrics));
  const sockets = new SocketSessions();
  const proxies = new TrustedProxies(config.trustedProxies);
  const guard = createUpgradeGuard({ authenticate: authenticateRequest, originPolicy: () => policy, sessions: sockets });
  const stream = createStreamServer({ cache, usage, authorize: guard.authorize, topology: { threshold: config.topologyGroupAbove } });
  // Only Next's own dev sockets (hot reload), from Orrery's own pages, go to Next; everything else is refused by the router.
  const devFallback: UpgradeHandler | undefined = config.dev
    ? (req, socket, head) => (isNextInternal(req) && policy.check(headerOf(req, "origin"), headerOf(req, "host")).ok ? nextUpgrade(req, socket, head) : socket.destroy())
    : undefined;
  // Shells are refused to read-only persons and in --read-only mode (server/access's rule), and closed with their login.
  const exec = createExecServer({ connection, authorize: guard.authorize });
  const routeUpgrade = createUpgradeRouter(
    {
      [`${config.basePath}/api/stream`]: guard.protect((req, socket, head) => stream.handleUpgrade(req, socket, head)),
      [`${config.basePath}/api/exec`]: guard.protect((req, socket, head) => exec.handleUpgrade(req, socket, head)),
    },
    devFallback,
  );

  const server = createHttpServer((req, res) => {
    stampRemoteAddress(req, proxies);
    if (gate.http(req, res)) void handleRequest(req, res);
  });
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    stampRemoteAddress(req, proxies);
    if (gate.upgrade(req, socket)) routeUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const stopLogins = watchLogins(config, sockets);
  return { server, stream, exec, stopWatching: () => (stopLogins(), sockets.closeAll()) };
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  setLogLevel(config.logLevel);
  const basePathRefusal = config.dev ? undefined : checkBasePath(config.basePath, readBuiltBasePath(process.cwd()));
  if (basePathRefusal) exitWithLine(basePathRefusal);
  // next.config.mjs (in dev) and the root layout read the base path from the environment.
  process.env.ORRERY_BASE_PATH = config.basePath;
  const auth = checkAuthOrExit(config);
  const transportWarning = checkTransportSafety(auth.mode, auth.publicUrl, config.host);
  if (transportWarning) log.warn(transportWarning);

  const cluster = await connectClusterOrExit(config);
  await openStateStoreOrExit(config, cluster.connection);
  initAuth(config);
  const metrics = await startMetricsOrExit(config);
  const cache = new ClusterCache(cluster.connection);
  cache.start();
  const usage = startUsagePoller(cluster.connection, { intervalMs: config.usageIntervalSeconds * 1000 });
  setRuntime({ config, connection: cluster.connection, cache, usage, metrics });
  // Requests carrying ?embed=<token> or an embed bearer token are read-only persons limited to the token's view.
  addRequestAuthenticator((req) => authenticateEmbedToken(req, undefined, auth.mode === "none"));

  const { server, stream, exec, stopWatching } = await serve(config, cluster.connection, cache, usage, metrics);
  log.info({ url: `http://${config.host}:${config.port}${config.basePath}`, cluster: cluster.connection.server, source: cluster.connection.source, login: auth.mode }, "Orrery is serving");

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    stopWatching();
    server.close();
    await stream.close();
    await exec.close();
    await usage.stop();
    await cache.stop();
    // Flushes the metrics WAL so a clean stop loses nothing.
    await metrics.storage.close();
    await closeProcessStateStore();
    await cluster.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "Orrery failed to start");
  process.exit(1);
});
