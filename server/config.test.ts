import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  test("defaults to loopback port 3000", () => {
    const c = loadConfig([], {});
    expect(c.port).toBe(3000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.demo).toBe(false);
  });

  test("flags win over the environment", () => {
    const c = loadConfig(["--port", "4000", "--demo"], { ORRERY_PORT: "5000" });
    expect(c.port).toBe(4000);
    expect(c.demo).toBe(true);
  });

  test("reads --name=value and the environment", () => {
    const c = loadConfig(["--log-level=debug"], { ORRERY_DEMO_NODES: "7" });
    expect(c.logLevel).toBe("debug");
    expect(c.demoNodes).toBe(7);
  });

  test("rejects an unknown flag naming the known ones", () => {
    expect(() => loadConfig(["--prot", "1"], {})).toThrow(/unknown flag --prot; known flags: --port/);
  });

  test("rejects an invalid value naming the setting and what is accepted", () => {
    expect(() => loadConfig(["--port", "99999"], {})).toThrow(new ConfigError('invalid --port="99999": expected a TCP port, 1-65535'));
    expect(() => loadConfig([], { ORRERY_LOG_LEVEL: "loud" })).toThrow(/invalid ORRERY_LOG_LEVEL="loud": expected one of fatal/);
  });

  test("rejects a flag without its value", () => {
    expect(() => loadConfig(["--kubeconfig"], {})).toThrow(/--kubeconfig needs a value/);
  });

  test("reads exact origin lists for --allowed-origins and --frame-ancestors", () => {
    const c = loadConfig(["--allowed-origins", "https://ops.example.com, http://10.0.0.5:8080", "--frame-ancestors", "'self',https://portal.example", "--read-only"], {});
    expect(c.allowedOrigins).toEqual(["https://ops.example.com", "http://10.0.0.5:8080"]);
    expect(c.frameAncestors).toEqual(["'self'", "https://portal.example"]);
    expect(c.readOnly).toBe(true);
    expect(loadConfig([], {})).toMatchObject({ allowedOrigins: [], frameAncestors: [], readOnly: false, embedAdminGroup: undefined });
  });

  test("reads --trusted-proxies as IPv4 and IPv6 CIDRs, none by default", () => {
    expect(loadConfig([], {}).trustedProxies).toEqual([]);
    expect(loadConfig(["--trusted-proxies", "10.0.0.0/8, fd00::/8,192.168.1.7"], {}).trustedProxies).toEqual(["10.0.0.0/8", "fd00::/8", "192.168.1.7"]);
    expect(loadConfig([], { ORRERY_TRUSTED_PROXIES: "::ffff:10.0.0.0/104" }).trustedProxies).toEqual(["::ffff:10.0.0.0/104"]);
  });

  test("refuses a trusted proxy that is not a CIDR in one line", () => {
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.0/8,*", "fd00::/200"]) {
      expect(() => loadConfig(["--trusted-proxies", bad], {})).toThrow(new ConfigError(`invalid --trusted-proxies=${JSON.stringify(bad)}: expected comma-separated CIDRs of the proxies in front of Orrery (e.g. 10.0.0.0/8,fd00::/8) whose X-Forwarded-For names the client for login limits; default none: the connecting address is the client`));
    }
    expect(() => loadConfig([], { ORRERY_TRUSTED_PROXIES: "10.0.0.0/8/8" })).toThrow(/^invalid ORRERY_TRUSTED_PROXIES="10\.0\.0\.0\/8\/8": expected comma-separated CIDRs/);
  });

  test("polls CPU and memory every 15 s unless told, never more often than every 5 s", () => {
    expect(loadConfig([], {}).usageIntervalSeconds).toBe(15);
    expect(loadConfig(["--usage-interval", "30"], { ORRERY_USAGE_INTERVAL: "60" }).usageIntervalSeconds).toBe(30);
    expect(loadConfig([], { ORRERY_USAGE_INTERVAL: "60" }).usageIntervalSeconds).toBe(60);
    expect(loadConfig([], {}).topologyGroupAbove).toBe(15000);
    expect(loadConfig(["--topology-group-above", "500"], {}).topologyGroupAbove).toBe(500);
    expect(() => loadConfig(["--topology-group-above", "5"], {})).toThrow(/topology-group-above/);
    expect(() => loadConfig(["--usage-interval", "4"], {})).toThrow(/invalid --usage-interval="4": expected whole seconds/);
  });

  test("refuses origins with a path, a wildcard or a trailing slash", () => {
    expect(() => loadConfig(["--allowed-origins", "https://ops.example.com/"], {})).toThrow(/invalid --allowed-origins/);
    expect(() => loadConfig(["--frame-ancestors", "*"], {})).toThrow(/invalid --frame-ancestors/);
    expect(() => loadConfig(["--allowed-origins", "'self'"], {})).toThrow(/invalid --allowed-origins/);
  });

  test("takes the state Secret as <namespace>/<name> and nothing else", () => {
    expect(loadConfig([], {}).stateSecret).toBeUndefined();
    expect(loadConfig(["--state-secret", "orrery/orrery-state"], {}).stateSecret).toBe("orrery/orrery-state");
    expect(loadConfig([], { ORRERY_STATE_SECRET: "ops/orrery.state" }).stateSecret).toBe("ops/orrery.state");
    for (const bad of ["orrery-state", "orrery/", "/orrery-state", "Orrery/state", "a/b/c", "ns/name?x=1"]) {
      expect(() => loadConfig(["--state-secret", bad], {})).toThrow(/invalid --state-secret=.*expected namespace\/name of an existing Secret/);
    }
  });
});
