import type { StartDemoClusterOptions } from "./start";

/** A bad command line, worded as one line for the operator. */
export class CliError extends Error {}

interface FlagSpec {
  key: keyof StartDemoClusterOptions;
  help: string;
  parse(value: string): string | number | undefined;
}

function wholeNumber(min: number, max: number) {
  return (value: string) => (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : undefined);
}

const text = (value: string) => (value.trim() === "" ? undefined : value);

const flags: Record<string, FlagSpec> = {
  port: { key: "port", help: "a TCP port, 0-65535 (0 picks a free one)", parse: wholeNumber(0, 65535) },
  host: { key: "host", help: "an address to listen on, e.g. 127.0.0.1", parse: text },
  "kubeconfig-out": { key: "kubeconfigOut", help: "a file path for the kubeconfig", parse: text },
  nodes: { key: "nodes", help: "a whole number of nodes, 1-20000", parse: wholeNumber(1, 20000) },
  pods: { key: "pods", help: "a whole number of pods, 0-200000", parse: wholeNumber(0, 200000) },
};

export const usage = "usage: npm run demo-cluster -- [--port 6443] [--host 127.0.0.1] [--kubeconfig-out ./demo.kubeconfig] [--nodes N] [--pods M]";

/** Reads `--name value` / `--name=value` flags; defaults: 127.0.0.1:6443, ./demo.kubeconfig. */
export function parseCliArgs(argv: readonly string[]): StartDemoClusterOptions {
  const options: StartDemoClusterOptions = { host: "127.0.0.1", port: 6443, kubeconfigOut: "./demo.kubeconfig" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new CliError(`unexpected argument "${arg}"; ${usage}`);
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = flags[name];
    if (!spec) throw new CliError(`unknown flag --${name}; known flags: ${Object.keys(flags).map((f) => `--${f}`).join(", ")}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new CliError(`flag --${name} needs a value: ${spec.help}`);
    const parsed = spec.parse(value);
    if (parsed === undefined) throw new CliError(`invalid --${name}=${JSON.stringify(value)}: expected ${spec.help}`);
    (options as Record<string, unknown>)[spec.key] = parsed;
  }
  return options;
}
