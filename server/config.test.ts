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
});
