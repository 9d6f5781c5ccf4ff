import { log } from "@/server/log";
import { CliError, parseCliArgs } from "./cliArgs";
import { startDemoCluster } from "./start";

// `npm run demo-cluster -- --port 6443 --kubeconfig-out ./demo.kubeconfig`: the demo cluster on its own.
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`demo-cluster: ${error.message}\n`);
    process.exit(2);
  }
  const cluster = await startDemoCluster(options);
  process.stdout.write(`demo cluster listening on ${cluster.url}\n`);
  process.stdout.write(`kubeconfig written to ${cluster.kubeconfigPath}\n  try: kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, "demo cluster stopping");
    cluster.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "demo cluster did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`demo-cluster: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
