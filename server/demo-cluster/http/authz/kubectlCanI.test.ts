import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderKubeconfig } from "../../kubeconfig";
import { createDemoApiServer, type DemoApiServer } from "../../server";
import { seedRbac } from "../../simulation/seed/rbac";
import { ObjectStore } from "../../store";
import { seedSystemObjects } from "../../systemObjects";
import { createServingCert } from "../selfSignedCert";

const run = promisify(execFile);
const kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].find((file) => existsSync(file));

let server: DemoApiServer;
let dir: string;
let kubeconfigPath: string;

beforeAll(async () => {
  if (!kubectl) return;
  const store = new ObjectStore();
  seedSystemObjects(store);
  store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } });
  seedRbac(store, Date.UTC(2025, 0, 1));
  const tls = createServingCert(["127.0.0.1"]);
  server = createDemoApiServer({ store, token: "kubectl-token", tls });
  const url = await server.listen(0, "127.0.0.1");
  dir = await mkdtemp(path.join(tmpdir(), "orrery-can-i-"));
  kubeconfigPath = path.join(dir, "kubeconfig");
  await writeFile(kubeconfigPath, renderKubeconfig(url, "kubectl-token", tls.certPem), { mode: 0o600 });
});

afterAll(async () => {
  if (!kubectl) return;
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** kubectl's answer ("yes"/"no"); `auth can-i` exits 1 for no. */
async function canI(...args: string[]): Promise<string> {
  try {
    return (await run(kubectl!, ["--kubeconfig", kubeconfigPath, "auth", "can-i", ...args], { timeout: 30_000 })).stdout.trim();
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout?.trim() === "no") return "no";
    throw new Error(`kubectl auth can-i ${args.join(" ")} failed: ${failed.stderr ?? String(error)}`);
  }
}

describe.skipIf(!kubectl)("kubectl auth can-i against the demo apiserver's RBAC", () => {
  test("the demo admin may impersonate dev, who may list pods in shop and not in kube-system", async () => {
    expect(await canI("--as", "dev", "list", "pods", "-n", "shop")).toBe("yes");
    expect(await canI("--as", "dev", "list", "pods", "-n", "kube-system")).toBe("no");
    expect(await canI("--as", "dev", "create", "pods/exec", "-n", "shop")).toBe("yes");
    expect(await canI("--as", "dev", "list", "nodes")).toBe("no");
  });

  test("a member of orrery:admins may do anything; the demo admin itself too", async () => {
    expect(await canI("--as", "ops", "--as-group", "orrery:admins", "delete", "nodes")).toBe("yes");
    expect(await canI("delete", "nodes")).toBe("yes");
  });

  test("kubectl as dev in kube-system is refused with the apiserver's message", async () => {
    const failure = await run(kubectl!, ["--kubeconfig", kubeconfigPath, "--as", "dev", "get", "pods", "-n", "kube-system"], { timeout: 30_000 }).then(
      () => "",
      (error: { stderr?: string }) => error.stderr ?? "",
    );
    expect(failure).toContain('Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "kube-system"');
  });
});
