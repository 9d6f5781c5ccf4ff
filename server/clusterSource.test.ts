import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "./config";
import { checkListenSafety, checkTransportSafety, chooseClusterSource, serviceAccountFiles } from "./clusterSource";

// Real files in temp dirs: an empty home, a home with ~/.kube/config, and pod roots with and without a service account.
const scratch = mkdtempSync(path.join(tmpdir(), "orrery-source-"));
const emptyHome = makeDir("empty-home");
const kubeHome = makeDir("kube-home");
writeFile(path.join(kubeHome, ".kube", "config"), "apiVersion: v1\nkind: Config\n");
const podWithAccount = makeDir("pod-with-account");
writeFile(serviceAccountFiles(podWithAccount).token, "token");
writeFile(serviceAccountFiles(podWithAccount).ca, "ca");
const podWithoutAccount = makeDir("pod-without-account");
const podWithoutCa = makeDir("pod-without-ca");
writeFile(serviceAccountFiles(podWithoutCa).token, "token");
const inPod = { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443", HOME: emptyHome };

function makeDir(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("chooseClusterSource", () => {
  test("starts the demo cluster when nothing is configured outside a pod", () => {
    expect(chooseClusterSource(loadConfig([], {}), { HOME: emptyHome }, podWithoutAccount)).toMatchObject({ type: "demo" });
  });

  test("starts the demo cluster with --demo, whatever else is configured", () => {
    expect(chooseClusterSource(loadConfig(["--demo"], {}), { KUBECONFIG: path.join(kubeHome, ".kube", "config") }, podWithAccount)).toMatchObject({ type: "demo" });
    expect(chooseClusterSource(loadConfig(["--demo"], {}), inPod, podWithoutAccount)).toMatchObject({ type: "demo" });
  });

  test("uses --kubeconfig and --context as given", () => {
    const file = path.join(kubeHome, ".kube", "config");
    expect(chooseClusterSource(loadConfig(["--kubeconfig", file, "--context", "prod"], {}), { HOME: emptyHome }, podWithoutAccount)).toEqual({ type: "kubeconfig", path: file, context: "prod" });
  });

  test("uses the in-cluster service account inside a pod", () => {
    expect(chooseClusterSource(loadConfig([], {}), inPod, podWithAccount)).toEqual({ type: "in-cluster", serviceAccountRoot: podWithAccount });
  });

  test("falls back to ~/.kube/config", () => {
    expect(chooseClusterSource(loadConfig([], {}), { HOME: kubeHome }, podWithoutAccount)).toMatchObject({ type: "kubeconfig" });
  });

  test("stops in a pod without a service account token instead of starting the demo", () => {
    const decide = () => chooseClusterSource(loadConfig([], {}), inPod, podWithoutAccount);
    expect(decide).toThrow(/^running in a pod \(KUBERNETES_SERVICE_HOST is set\) but the service account token .*\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token is not readable; .*--kubeconfig/);
    expect(decide).not.toThrow(/\n/);
  });

  test("stops in a pod whose service account has a token but no CA certificate", () => {
    expect(() => chooseClusterSource(loadConfig([], {}), inPod, podWithoutCa)).toThrow(/service account CA certificate .*ca\.crt is not readable/);
  });

  test("uses a kubeconfig mounted at ~/.kube/config in a pod without a service account", () => {
    expect(chooseClusterSource(loadConfig([], {}), { ...inPod, HOME: kubeHome }, podWithoutAccount)).toEqual({ type: "kubeconfig" });
  });

  test("a KUBECONFIG naming only missing files is an error, not the demo", () => {
    const missing = path.join(scratch, "absent.kubeconfig");
    expect(() => chooseClusterSource(loadConfig([], {}), { KUBECONFIG: missing, HOME: emptyHome }, podWithoutAccount)).toThrow(`kubeconfig file not found: ${missing} (KUBECONFIG)`);
  });

  test("a --kubeconfig that does not exist is an error, not the demo", () => {
    const missing = path.join(scratch, "absent.kubeconfig");
    expect(() => chooseClusterSource(loadConfig(["--kubeconfig", missing], {}), { HOME: emptyHome }, podWithoutAccount)).toThrow(/kubeconfig file not found: .*absent\.kubeconfig \(--kubeconfig\)/);
  });

  test("--context without any kubeconfig file is an error, not the demo", () => {
    expect(() => chooseClusterSource(loadConfig(["--context", "prod"], {}), { HOME: emptyHome }, podWithoutAccount)).toThrow(/kubeconfig file not found: .*empty-home\/\.kube\/config \(default location\)/);
  });

  test("a KUBECONFIG with one existing file among missing ones uses it, as kubectl does", () => {
    const list = [path.join(scratch, "absent.kubeconfig"), path.join(kubeHome, ".kube", "config")].join(path.delimiter);
    expect(chooseClusterSource(loadConfig([], {}), { KUBECONFIG: list, HOME: emptyHome }, podWithoutAccount)).toEqual({ type: "kubeconfig" });
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
