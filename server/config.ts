import { z } from "zod";

/** Environment variables as read; a plain record so tests can pass their own. */
export type Env = Record<string, string | undefined>;

const boolish = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

// Every setting has a flag and an ORRERY_* variable; flags win over the environment.
const settings = {
  port: { flag: "port", env: "ORRERY_PORT", schema: z.coerce.number().int().min(1).max(65535).default(3000), help: "a TCP port, 1-65535" },
  host: { flag: "host", env: "ORRERY_HOST", schema: z.string().min(1).default("127.0.0.1"), help: "an address to listen on, e.g. 127.0.0.1 or 0.0.0.0" },
  basePath: { flag: "base-path", env: "ORRERY_BASE_PATH", schema: z.string().regex(/^(\/[A-Za-z0-9._~-]+)*$/).default(""), help: "empty or a path like /orrery (no trailing slash)" },
  kubeconfig: { flag: "kubeconfig", env: "ORRERY_KUBECONFIG", schema: z.string().min(1).optional(), help: "a path to a kubeconfig file" },
  context: { flag: "context", env: "ORRERY_CONTEXT", schema: z.string().min(1).optional(), help: "a context name from the kubeconfig" },
  demo: { flag: "demo", env: "ORRERY_DEMO", schema: boolish.default(false), help: "true or false" },
  demoNodes: { flag: "demo-nodes", env: "ORRERY_DEMO_NODES", schema: z.coerce.number().int().min(1).max(20000).default(3), help: "a whole number of demo nodes, 1-20000" },
  demoPods: { flag: "demo-pods", env: "ORRERY_DEMO_PODS", schema: z.coerce.number().int().min(0).max(200000).optional(), help: "a whole number of demo pods, 0-200000" },
  demoKubeconfigOut: { flag: "demo-kubeconfig-out", env: "ORRERY_DEMO_KUBECONFIG_OUT", schema: z.string().min(1).optional(), help: "a file path to write the demo cluster's kubeconfig to" },
  dataDir: { flag: "data-dir", env: "ORRERY_DATA_DIR", schema: z.string().min(1).default("./data"), help: "a writable directory" },
  logLevel: { flag: "log-level", env: "ORRERY_LOG_LEVEL", schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"), help: "one of fatal, error, warn, info, debug, trace" },
  insecureNoAuth: { flag: "insecure-no-auth", env: "ORRERY_INSECURE_NO_AUTH", schema: boolish.default(false), help: "true or false; allows listening on a non-loopback address without login" },
  dev: { flag: "dev", env: "ORRERY_DEV", schema: boolish.default(false), help: "true or false" },
} as const satisfies Record<string, Setting>;

interface Setting {
  flag: string;
  env: string;
  schema: z.ZodType;
  help: string;
}

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]["schema"]> };

/** A configuration problem, worded as one line for the operator. */
export class ConfigError extends Error {}

const booleanFlags = new Set(["demo", "dev", "insecure-no-auth"]);


/** Reads flags (`--name value`, `--name=value`, boolean `--name`) into raw strings. */
export function parseFlags(argv: readonly string[]): Map<string, string | boolean> {
  const known = new Map<string, Setting>(Object.values(settings).map((s) => [s.flag, s]));
  const raw = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new ConfigError(`unexpected argument "${arg}"; settings are given as --name value`);
    const [name, inline] = splitFlag(arg.slice(2));
    if (!known.has(name)) throw new ConfigError(`unknown flag --${name}; known flags: ${[...known.keys()].map((k) => `--${k}`).join(", ")}`);
    if (inline !== undefined) raw.set(name, inline);
    else if (booleanFlags.has(name) && (argv[i + 1] === undefined || argv[i + 1]!.startsWith("--"))) raw.set(name, true);
    else if (argv[i + 1] === undefined) throw new ConfigError(`flag --${name} needs a value: ${known.get(name)!.help}`);
    else raw.set(name, argv[++i]!);
  }
  return raw;
}

function splitFlag(body: string): [string, string | undefined] {
  const eq = body.indexOf("=");
  return eq < 0 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

export function loadConfig(argv: readonly string[], env: Env = process.env): Config {
  const flags = parseFlags(argv);
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [keyof Settings, Setting][]) {
    const fromFlag = flags.get(setting.flag);
    const value = fromFlag ?? (env[setting.env] === "" ? undefined : env[setting.env]);
    const parsed = setting.schema.safeParse(value);
    if (!parsed.success) {
      const source = fromFlag !== undefined ? `--${setting.flag}` : setting.env;
      throw new ConfigError(`invalid ${source}=${JSON.stringify(value)}: expected ${setting.help}`);
    }
    out[key] = parsed.data;
  }
  return out as Config;
}

/** Markdown rows for the README's configuration table. */
export function describeSettings(): string[] {
  return Object.values(settings).map((s) => `| \`--${s.flag}\` | \`${s.env}\` | ${s.help} |`);
}
