import { mkdtempSync, mkdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parseEnvFile } from "../../cluster-suite/clusterEnv";
import { detectRealCluster } from "./realCluster";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A state dir shaped like up.sh's; `apiserverPid` goes into pids/kube-apiserver.pid with `binary`. */
function stateDir(env: string | undefined, apiserverPid?: number, binary = readlinkSync("/proc/self/exe")): string {
  const dir = mkdtempSync(path.join(tmpdir(), "orrery-contract-state-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "pids"));
  if (env !== undefined) writeFileSync(path.join(dir, "cluster.env"), env);
  if (apiserverPid !== undefined) writeFileSync(path.join(dir, "pids", "kube-apiserver.pid"), `${apiserverPid}\n${binary}\n`);
  return dir;
}

describe("detectRealCluster", () => {
  test("reads KEY=VALUE lines of cluster.env", () => {
    expect(parseEnvFile("A=1\n# comment\nB=\"two words\"\n\nlower=no\n")).toEqual({ A: "1", B: "two words" });
  });

  test("skips with the reason when there is no cluster.env", () => {
    const state = detectRealCluster(stateDir(undefined));
    expect(state.running).toBe(false);
    expect(state.reason).toMatch(/cluster\.env does not exist/);
  });

  test("skips when the recorded kube-apiserver is not running that binary", () => {
    const kubeconfig = path.join(tmpdir(), "nonexistent-kubeconfig");
    expect(detectRealCluster(stateDir(`ORRERY_CLUSTER_KUBECONFIG_ADMIN=${kubeconfig}\n`, process.pid, "/bin/not-the-binary")).reason).toMatch(/is not running/);
    expect(detectRealCluster(stateDir(`ORRERY_CLUSTER_KUBECONFIG_ADMIN=${kubeconfig}\n`)).running).toBe(false);
  });

  test("is running when the pid runs the recorded binary and the admin kubeconfig exists", () => {
    const dir = stateDir("", process.pid);
    const kubeconfig = path.join(dir, "admin.kubeconfig");
    writeFileSync(kubeconfig, "apiVersion: v1\n");
    writeFileSync(path.join(dir, "cluster.env"), `ORRERY_CLUSTER_KUBECONFIG_ADMIN=${kubeconfig}\nORRERY_CLUSTER_K8S_VERSION=v1.33.13\n`);
    const state = detectRealCluster(dir);
    expect(state).toMatchObject({ running: true, env: { ORRERY_CLUSTER_KUBECONFIG_ADMIN: kubeconfig } });
    expect(state.reason).toContain("v1.33.13");
  });
});
