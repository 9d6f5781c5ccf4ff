import { describe, expect, test } from "vitest";
import { loadConfig } from "./config";
import { checkListenSafety, checkTransportSafety, chooseClusterSource } from "./clusterSource";

const none = () => false;

describe("chooseClusterSource", () => {
  test("starts the demo cluster when nothing is configured", () => {
    expect(chooseClusterSource(loadConfig([], {}), { HOME: "/nowhere" }, none)).toMatchObject({ type: "demo" });
  });

  test("prefers --demo over a kubeconfig", () => {
    expect(chooseClusterSource(loadConfig(["--demo"], {}), { KUBECONFIG: "/k" }, () => true).type).toBe("demo");
  });

  test("uses --kubeconfig and --context as given", () => {
    const source = chooseClusterSource(loadConfig(["--kubeconfig", "/k", "--context", "prod"], {}), {}, none);
    expect(source).toEqual({ type: "kubeconfig", path: "/k", context: "prod" });
  });

  test("uses the in-cluster service account inside a pod", () => {
    const env = { KUBERNETES_SERVICE_HOST: "10.0.0.1", HOME: "/nowhere" };
    expect(chooseClusterSource(loadConfig([], {}), env, (p) => p.includes("serviceaccount")).type).toBe("in-cluster");
  });

  test("falls back to ~/.kube/config", () => {
    expect(chooseClusterSource(loadConfig([], {}), { HOME: "/home/u" }, (p) => p === "/home/u/.kube/config").type).toBe("kubeconfig");
  });
});

describe("checkListenSafety", () => {
  test("allows loopback", () => {
    expect(checkListenSafety(loadConfig([], {}), "none")).toBeUndefined();
  });

  test("refuses 0.0.0.0 without login in one line", () => {
    const refusal = checkListenSafety(loadConfig(["--host", "0.0.0.0"], {}), "none");
    expect(refusal).toMatch(/^refusing to listen on 0\.0\.0\.0 without login/);
    expect(refusal).not.toContain("\n");
  });

  test("refuses a host name that only starts with 127. (it resolves wherever its DNS says)", () => {
    expect(checkListenSafety(loadConfig(["--host", "127.corp.lan"], {}), "none")).toMatch(/^refusing to listen on 127\.corp\.lan without login/);
    expect(checkListenSafety(loadConfig(["--host", "::ffff:127.0.0.1"], {}), "none")).toBeUndefined();
  });

  test("allows 0.0.0.0 with --insecure-no-auth", () => {
    expect(checkListenSafety(loadConfig(["--host", "0.0.0.0", "--insecure-no-auth"], {}), "none")).toBeUndefined();
  });

  test("allows any address when login is on", () => {
    expect(checkListenSafety(loadConfig(["--host", "0.0.0.0"], {}), "basic")).toBeUndefined();
    expect(checkListenSafety(loadConfig(["--host", "10.0.0.5"], {}), "oidc")).toBeUndefined();
  });
});

describe("checkTransportSafety", () => {
  test("warns when login is on and the public URL is plain http on another machine", () => {
    expect(checkTransportSafety("basic", "http://orrery.example.com", "0.0.0.0")).toMatch(/plain http/);
    expect(checkTransportSafety("basic", undefined, "0.0.0.0")).toMatch(/plain http on 0\.0\.0\.0/);
  });

  test("warns for a plain http public URL whose name only starts with 127.", () => {
    expect(checkTransportSafety("basic", "http://127.corp.lan:3000", "0.0.0.0")).toMatch(/plain http/);
    expect(checkTransportSafety("basic", undefined, "127.corp.lan")).toMatch(/plain http on 127\.corp\.lan/);
    expect(checkTransportSafety("basic", "http://[::1]:3000", "::1")).toBeUndefined();
  });

  test("stays quiet for https, loopback, or without login", () => {
    expect(checkTransportSafety("oidc", "https://orrery.example.com", "0.0.0.0")).toBeUndefined();
    expect(checkTransportSafety("basic", "http://127.0.0.1:3000", "127.0.0.1")).toBeUndefined();
    expect(checkTransportSafety("basic", undefined, "127.0.0.1")).toBeUndefined();
    expect(checkTransportSafety("none", "http://orrery.example.com", "0.0.0.0")).toBeUndefined();
  });
});
