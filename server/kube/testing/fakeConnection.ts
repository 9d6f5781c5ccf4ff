import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectFromKubeconfig, type ClusterConnection } from "../connect";

/** A kubeconfig for a test server (plain http with a token, as kubectl allows). */
export function kubeconfigFor(url: string, token = "test-token"): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: fake\n  cluster:\n    server: ${url}`,
    "users:",
    `- name: tester\n  user:\n    token: ${token}`,
    "contexts:",
    "- name: fake\n  context:\n    cluster: fake\n    user: tester",
    "current-context: fake",
    "",
  ].join("\n");
}

/** Connects through a kubeconfig file on disk, the same path production takes. */
export function connectToTestServer(url: string): ClusterConnection {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "orrery-kubeconfig-")), "config");
  writeFileSync(file, kubeconfigFor(url));
  return connectFromKubeconfig({ path: file });
}
