import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { ConfigError, loadConfig, type Config } from "./config";
import { checkListenSafety, chooseClusterSource } from "./clusterSource";
import { connectCluster } from "./connectCluster";
import { ClusterCache } from "./kube/cache";
import { createStreamServer } from "./stream/streamServer";
import { createUpgradeRouter } from "./http/upgradeRouter";
import { setRuntime } from "./runtime";
import { log, setLogLevel } from "./log";

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`orrery: ${error.message}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  setLogLevel(config.logLevel);
  const refusal = checkListenSafety(config);
  if (refusal) {
    process.stderr.write(`orrery: ${refusal}\n`);
    process.exit(2);
  }

  const cluster = await connectCluster(chooseClusterSource(config), config);
  const cache = new ClusterCache(cluster.connection);
  cache.start();
  setRuntime({ config, connection: cluster.connection, cache });

  const app = next({ dev: config.dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const stream = createStreamServer({ cache });
  const nextUpgrade = app.getUpgradeHandler();

  const server = createServer((req, res) => void handleRequest(req, res));
  server.on("upgrade", createUpgradeRouter(
    { [`${config.basePath}/api/stream`]: (req, socket, head) => stream.handleUpgrade(req, socket, head) },
    // Only Next's own dev sockets (hot reload) go to Next; everything else is refused by the router.
    config.dev ? (req, socket, head) => (isNextInternal(req) ? nextUpgrade(req, socket, head) : socket.destroy()) : undefined,
  ));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  log.info({ url: `http://${config.host}:${config.port}${config.basePath}`, cluster: cluster.connection.server, source: cluster.connection.source }, "Orrery is serving");

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close();
    await stream.close();
    await cache.stop();
    await cluster.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

function isNextInternal(req: IncomingMessage): boolean {
  return (req.url ?? "").includes("/_next/");
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "Orrery failed to start");
  process.exit(1);
});
