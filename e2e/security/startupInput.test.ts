import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runOrreryToExit } from "./harness/orreryProcess";
import { noteOutcome } from "./harness/suiteContext";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-startup-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// Each wrong start must cost one line on stderr naming the setting and exit code 2; the log on stdout (info lines of
// what was set up before the cluster was reached) holds no error of its own, and no demo cluster stands in.
async function expectOneLineRefusal(args: string[], pattern: RegExp, note: (text: string) => void, env: Record<string, string> = {}): Promise<void> {
  const { code, stdout, stderr } = await runOrreryToExit([...args, "--data-dir", dataDir], { ORRERY_LOG_LEVEL: "info", ...env });
  note(`exit ${code}: ${stderr.trim()}`);
  expect(code).toBe(2);
  expect(stdout).not.toContain("demo cluster");
  expect(stdout.split("\n").filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
  expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(pattern)]);
}

describe("bad start-up input", () => {
  test("an unknown flag names the known ones", async ({ task }) => {
    await expectOneLineRefusal(["--prot", "3000"], /^orrery: unknown flag --prot; known flags: .*--port/, (text) => noteOutcome(task, text));
  });

  test("an invalid value names the setting and what it accepts", async ({ task }) => {
    await expectOneLineRefusal(["--port", "70000"], /^orrery: .*--port.*1-65535/, (text) => noteOutcome(task, text));
  });

  test("a base path the build was not made with says how to rebuild", async ({ task }) => {
    await expectOneLineRefusal(["--demo", "--base-path", "/elsewhere"], /^orrery: --base-path \/elsewhere does not match .*ORRERY_BASE_PATH=\/elsewhere npm run build/, (text) => noteOutcome(task, text));
  });

  test("a kubeconfig that does not exist is named", async ({ task }) => {
    await expectOneLineRefusal(["--kubeconfig", path.join(dataDir, "absent.kubeconfig")], /^orrery: kubeconfig file not found: .*absent\.kubeconfig/, (text) => noteOutcome(task, text));
  });

  test("a context the kubeconfig lacks lists the known ones", async ({ task }) => {
    const file = path.join(dataDir, "one-context.kubeconfig");
    await writeFile(file, ["apiVersion: v1", "kind: Config", "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]", "users: [{name: u, user: {token: t}}]", "contexts: [{name: only, context: {cluster: c, user: u}}]", "current-context: only", ""].join("\n"));
    await expectOneLineRefusal(["--kubeconfig", file, "--context", "prod"], /^orrery: context "prod" not found in .*known contexts: only/, (text) => noteOutcome(task, text));
  });

  // No cluster flag: where the cluster is comes from the environment alone, as in a pod or a shell with KUBECONFIG.
  const noClusterSettings = { KUBECONFIG: "", KUBERNETES_SERVICE_HOST: "", ORRERY_KUBECONFIG: "", ORRERY_CONTEXT: "", ORRERY_DEMO: "" };

  test("a KUBECONFIG naming a file that does not exist is named, not replaced by the demo", async ({ task }) => {
    const env = { ...noClusterSettings, KUBECONFIG: path.join(dataDir, "absent-from-env.kubeconfig") };
    await expectOneLineRefusal([], /^orrery: kubeconfig file not found: .*absent-from-env\.kubeconfig \(KUBECONFIG\)/, (text) => noteOutcome(task, text), env);
  });

  // On a machine that is itself a pod the real token is there, and this start would be a real in-cluster one.
  test.skipIf(existsSync("/var/run/secrets/kubernetes.io/serviceaccount/token"))("a pod without its service account token stops instead of showing the demo", async ({ task }) => {
    const env = { ...noClusterSettings, KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443", HOME: dataDir };
    const refusal = /^orrery: running in a pod \(KUBERNETES_SERVICE_HOST is set\) but the service account token \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token is not readable; .*--kubeconfig/;
    await expectOneLineRefusal([], refusal, (text) => noteOutcome(task, text), env);
  });
});
