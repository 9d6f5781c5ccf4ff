import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseEnvFile, readClusterEnv, recordedProcessAlive } from "./clusterEnv";

const envText = [
  "ORRERY_CLUSTER_API_URL=https://127.0.0.1:40369",
  "ORRERY_CLUSTER_K8S_VERSION=v1.33.13",
  ...["ADMIN", "ORRERY", "ALICE", "BOB"].map((who) => `ORRERY_CLUSTER_KUBECONFIG_${who}=/state/kubeconfig/${who.toLowerCase()}.kubeconfig`),
].join("\n");

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function stateDir(pidFile?: string): string {
  const dir = tempDir("orrery-cluster-env-");
  writeFileSync(path.join(dir, "cluster.env"), envText);
  if (pidFile !== undefined) {
    mkdirSync(path.join(dir, "pids"));
    writeFileSync(path.join(dir, "pids", "kube-apiserver.pid"), pidFile);
  }
  return dir;
}

describe("clusterEnv", () => {
  test("parseEnvFile reads KEY=VALUE lines and unquotes values", () => {
    expect(parseEnvFile('A=1\n# comment\nB="two words"\nlower=x\n')).toEqual({ A: "1", B: "two words" });
  });

  test("a recorded pid counts only while it runs the recorded binary", () => {
    const dir = tempDir("orrery-pid-");
    const file = path.join(dir, "x.pid");
    writeFileSync(file, `${process.pid}\n${realpathSync(process.execPath)}\n`);
    expect(recordedProcessAlive(file)).toBe(true);
    writeFileSync(file, `${process.pid}\n/usr/bin/not-this-binary\n`);
    expect(recordedProcessAlive(file)).toBe(false);
    expect(recordedProcessAlive(path.join(dir, "missing.pid"))).toBe(false);
  });

  test("readClusterEnv returns the kubeconfigs of a running cluster and says what is missing otherwise", () => {
    const running = stateDir(`${process.pid}\n${realpathSync(process.execPath)}\n`);
    expect(readClusterEnv(running)).toMatchObject({ apiUrl: "https://127.0.0.1:40369", version: "v1.33.13", kubeconfigs: { bob: "/state/kubeconfig/bob.kubeconfig" }, kwokLogFile: path.join(running, "kwok", "logs", "current.log") });
    expect(() => readClusterEnv(stateDir())).toThrow("its kube-apiserver is not running");
    expect(() => readClusterEnv(path.join(tmpdir(), "orrery-no-such-state"))).toThrow("cluster.env does not exist");
  });
});
