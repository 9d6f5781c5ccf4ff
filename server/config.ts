import { z } from "zod";
import { commaListSchema, durationSchema, httpUrlSchema } from "./auth/configSchemas";
import { parseCidr } from "./http/trustedProxies";
import { metricsSettings } from "./metrics/metricsSettings";
import { parseSecretRef } from "./state/secretRef";

/** Environment variables as read; a plain record so tests can pass their own. */
export type Env = Record<string, string | undefined>;

const boolish = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

// Exact origins only: "https://a.example:8443", never a path, a wildcard or a trailing slash.
function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

/** A comma-separated list of exact origins (plus `keyword`, e.g. 'self', when given). */
function originList(keyword?: string) {
  return z
    .string()
    .transform((text) => text.split(",").map((item) => item.trim()).filter((item) => item !== ""))
    .pipe(z.array(z.string().refine((item) => item === keyword || isExactOrigin(item))));
}

// Comma-separated IPv4 and IPv6 CIDRs (a bare address is its own block), kept as written.
const cidrList = z
  .string()
  .transform((text) => text.split(",").map((item) => item.trim()).filter((item) => item !== ""))
  .pipe(z.array(z.string().refine((item) => parseCidr(item) !== undefined)));

// Every setting has a flag and an ORRERY_* variable; flags win over the environment.
const settings = {
  port: { flag: "port", env: "ORRERY_PORT", schema: z.coerce.number().int().min(1).max(65535).default(3000), help: "a TCP port, 1-65535" },
  host: { flag: "host", env: "ORRERY_HOST", schema: z.string().min(1).default("127.0.0.1"), help: "an address to listen on, e.g. 127.0.0.1 or 0.0.0.0" },
  basePath: { flag: "base-path", env: "ORRERY_BASE_PATH", schema: z.string().regex(/^(\/[A-Za-z0-9._~-]+)*$/).default(""), help: "empty or a path like /orrery (no trailing slash); a production build must be made with the same ORRERY_BASE_PATH" },
  kubeconfig: { flag: "kubeconfig", env: "ORRERY_KUBECONFIG", schema: z.string().min(1).optional(), help: "a path to a kubeconfig file" },
  context: { flag: "context", env: "ORRERY_CONTEXT", schema: z.string().min(1).optional(), help: "a context name from the kubeconfig" },
  demo: { flag: "demo", env: "ORRERY_DEMO", schema: boolish.default(false), help: "true or false" },
  demoNodes: { flag: "demo-nodes", env: "ORRERY_DEMO_NODES", schema: z.coerce.number().int().min(1).max(20000).default(3), help: "a whole number of demo nodes, 1-20000" },
  demoPods: { flag: "demo-pods", env: "ORRERY_DEMO_PODS", schema: z.coerce.number().int().min(0).max(200000).optional(), help: "a whole number of demo pods, 0-200000" },
  demoKubeconfigOut: { flag: "demo-kubeconfig-out", env: "ORRERY_DEMO_KUBECONFIG_OUT", schema: z.string().min(1).optional(), help: "a file path to write the demo cluster's kubeconfig to" },
  usageIntervalSeconds: { flag: "usage-interval", env: "ORRERY_USAGE_INTERVAL", schema: z.coerce.number().int().min(5).max(3600).default(15), help: "whole seconds between polls of the metrics API (metrics.k8s.io) for CPU and memory on the map, 5-3600" },
  topologyGroupAbove: { flag: "topology-group-above", env: "ORRERY_TOPOLOGY_GROUP_ABOVE", schema: z.coerce.number().int().min(10).max(200000).default(15000), help: "a map view with more nodes than this is grouped by namespace, node or controller (default 15000; lower it for slow browsers), 10-200000" },
  dataDir: { flag: "data-dir", env: "ORRERY_DATA_DIR", schema: z.string().min(1).default("./data"), help: "a writable directory (default ./data, relative to where Orrery starts: the checkout for npm start) for the metrics store (its metrics/ folder), sessions, embed tokens and the audit log" },
  logLevel: { flag: "log-level", env: "ORRERY_LOG_LEVEL", schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"), help: "one of fatal, error, warn, info, debug, trace" },
  insecureNoAuth: { flag: "insecure-no-auth", env: "ORRERY_INSECURE_NO_AUTH", schema: boolish.default(false), help: "true or false; allows listening on a non-loopback address without login" },
  dev: { flag: "dev", env: "ORRERY_DEV", schema: boolish.default(false), help: "true or false" },
  allowedOrigins: { flag: "allowed-origins", env: "ORRERY_ALLOWED_ORIGINS", schema: originList().default([]), help: "comma-separated origins (scheme://host[:port]) besides the public URL allowed to open websockets and send changes, e.g. https://ops.example.com" },
  readOnly: { flag: "read-only", env: "ORRERY_READ_ONLY", schema: boolish.default(false), help: "true or false; refuses every change to the cluster for everyone" },
  frameAncestors: { flag: "frame-ancestors", env: "ORRERY_FRAME_ANCESTORS", schema: originList("'self'").default([]), help: "comma-separated origins (scheme://host[:port], or 'self') allowed to show embedded views in an iframe; empty means none" },
  embedAdminGroup: { flag: "embed-admin-group", env: "ORRERY_EMBED_ADMIN_GROUP", schema: z.string().min(1).optional(), help: "a group whose members may create and revoke embed tokens (default: nobody when login is on)" },
  // State several replicas share (server/state): one Secret instead of the data directory.
  stateSecret: { flag: "state-secret", env: "ORRERY_STATE_SECRET", schema: z.string().refine((text) => parseSecretRef(text) !== undefined).optional(), help: "namespace/name of an existing Secret, e.g. orrery/orrery-state, where all replicas keep ended sessions and embed tokens (Orrery's identity needs get, update and watch on it; default: the data directory)" },
  // Login (server/auth): secrets are accepted as any text here and checked later, so a bad one is never echoed.
  auth: { flag: "auth", env: "ORRERY_AUTH", schema: z.enum(["none", "basic", "oidc"]).optional(), help: "none (default; loopback only), basic or oidc" },
  usersFile: { flag: "users-file", env: "ORRERY_USERS_FILE", schema: z.string().min(1).optional(), help: "a YAML or JSON file of users (name, bcrypt or argon2 hash, groups) for --auth basic" },
  basicAuthGroups: { flag: "basic-auth-groups", env: "ORRERY_BASIC_AUTH_GROUPS", schema: commaListSchema.default([]), help: "comma-separated Kubernetes groups of the user given by BASIC_AUTH_USERNAME/BASIC_AUTH_PASSWORD" },
  sessionSecret: { flag: "session-secret", env: "ORRERY_SESSION_SECRET", schema: z.string().min(1).optional(), help: "at least 32 characters that sign and encrypt login sessions (default: a random one kept in the data dir)" },
  sessionIdle: { flag: "session-idle", env: "ORRERY_SESSION_IDLE", schema: durationSchema(3_600_000), help: "a duration like 30m or 1h: a session unused this long ends" },
  sessionMax: { flag: "session-max", env: "ORRERY_SESSION_MAX", schema: durationSchema(43_200_000), help: "a duration like 8h or 12h: a session ends this long after login, used or not" },
  publicUrl: { flag: "public-url", env: "ORRERY_PUBLIC_URL", schema: httpUrlSchema.optional(), help: "the external URL people open, e.g. https://orrery.example.com (login callbacks; https means Secure cookies)" },
  oidcIssuer: { flag: "oidc-issuer", env: "ORRERY_OIDC_ISSUER", schema: httpUrlSchema.optional(), help: "the OpenID provider's issuer URL, e.g. https://dex.example.com" },
  oidcClientId: { flag: "oidc-client-id", env: "ORRERY_OIDC_CLIENT_ID", schema: z.string().min(1).optional(), help: "the client id registered at the OpenID provider" },
  oidcClientSecret: { flag: "oidc-client-secret", env: "ORRERY_OIDC_CLIENT_SECRET", schema: z.string().optional(), help: "the client secret (prefer ORRERY_OIDC_CLIENT_SECRET_FILE; empty for a public client)" },
  oidcClientSecretFile: { flag: "oidc-client-secret-file", env: "ORRERY_OIDC_CLIENT_SECRET_FILE", schema: z.string().min(1).optional(), help: "a file holding the OIDC client secret" },
  oidcScopes: { flag: "oidc-scopes", env: "ORRERY_OIDC_SCOPES", schema: z.string().regex(/(^|\s)openid(\s|$)/).default("openid profile email groups offline_access"), help: "space-separated scopes including openid" },
  oidcUsernameClaim: { flag: "oidc-username-claim", env: "ORRERY_OIDC_USERNAME_CLAIM", schema: z.string().min(1).default("email"), help: "the ID token claim used as the Kubernetes user name (falls back to sub)" },
  oidcGroupsClaim: { flag: "oidc-groups-claim", env: "ORRERY_OIDC_GROUPS_CLAIM", schema: z.string().min(1).default("groups"), help: "the ID token claim holding the person's groups" },
  oidcGroupPrefix: { flag: "oidc-group-prefix", env: "ORRERY_OIDC_GROUP_PREFIX", schema: z.string().default(""), help: "text put before every OIDC group, like kube-apiserver's --oidc-groups-prefix (default none)" },
  identity: { flag: "identity", env: "ORRERY_IDENTITY", schema: z.enum(["impersonate", "token"]).default("impersonate"), help: "impersonate (default: Impersonate-User/Group) or token (pass the person's OIDC ID token to the apiserver)" },
  // Proxies (server/http/trustedProxies.ts): only their X-Forwarded-For names the client the login limits count.
  trustedProxies: {
    flag: "trusted-proxies",
    env: "ORRERY_TRUSTED_PROXIES",
    schema: cidrList.default([]),
    help: "comma-separated CIDRs of the proxies in front of Orrery (e.g. 10.0.0.0/8,fd00::/8) whose X-Forwarded-For names the client for login limits; default none: the connecting address is the client",
  },
  ...metricsSettings,
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

const booleanFlags = new Set(["demo", "dev", "insecure-no-auth", "read-only"]);


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
