import path from "node:path";
import type { Config } from "../config";
import { getRuntime } from "../runtime";
import { OriginPolicy } from "./originPolicy";

/** The settings the HTTP guards need, read once from the configuration. */
export interface SecuritySettings {
  listenHost: string;
  port: number;
  basePath: string;
  /** The URL people open Orrery at, when configured (e.g. "https://orrery.example.com/"). */
  publicUrl?: string;
  allowedOrigins: readonly string[];
  frameAncestors: readonly string[];
  readOnly: boolean;
  embedAdminGroup?: string;
  dataDir: string;
  dev: boolean;
}

export function securitySettingsFrom(config: Config): SecuritySettings {
  return {
    listenHost: config.host,
    port: config.port,
    basePath: config.basePath,
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    frameAncestors: config.frameAncestors,
    readOnly: config.readOnly,
    embedAdminGroup: config.embedAdminGroup,
    dataDir: path.resolve(config.dataDir),
    dev: config.dev,
  };
}

/** The running server's settings (shared by the custom server and Next's bundle through the runtime). */
export function currentSecuritySettings(): SecuritySettings {
  return securitySettingsFrom(getRuntime().config);
}

export function publicOriginOf(settings: Pick<SecuritySettings, "publicUrl">): string | undefined {
  if (!settings.publicUrl) return undefined;
  try {
    return new URL(settings.publicUrl).origin;
  } catch {
    return undefined;
  }
}

export function originPolicyFor(settings: SecuritySettings): OriginPolicy {
  return new OriginPolicy({
    listenHost: settings.listenHost,
    port: settings.port,
    publicOrigin: publicOriginOf(settings),
    allowedOrigins: settings.allowedOrigins,
  });
}

// One policy per configuration object: interface addresses are read once, not per request.
const policies = new WeakMap<Config, OriginPolicy>();

/** The running server's Origin policy. */
export function currentOriginPolicy(): OriginPolicy {
  const config = getRuntime().config;
  let policy = policies.get(config);
  if (!policy) {
    policy = originPolicyFor(securitySettingsFrom(config));
    policies.set(config, policy);
  }
  return policy;
}
