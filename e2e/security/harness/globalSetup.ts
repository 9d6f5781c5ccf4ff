import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { TestProject } from "vitest/node";
import { freePort } from "./freePort";
import { repoRoot, startOrrery } from "./orreryProcess";
import type { SecuritySuiteContext, SuiteUser } from "./suiteContext";

export const portalOrigin = "https://portal.example";

// The production build is what is attacked; it is built once when missing.
function ensureBuild(): void {
  if (existsSync(path.join(repoRoot, "dist", "server.js")) && existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) return;
  process.stdout.write("security suite: no production build found, running npm run build\n");
  const result = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed; the security suite needs the production build");
}

async function writeUsers(dir: string): Promise<SuiteUser[]> {
  const users: SuiteUser[] = [
    { name: "alice", password: randomBytes(12).toString("hex"), groups: ["orrery:admins"] },
    { name: "dev", password: randomBytes(12).toString("hex"), groups: [] },
    // May list pods and nodes but not their metrics (bound by usageAccess.test.ts): sees no CPU or memory.
    { name: "pat", password: randomBytes(12).toString("hex"), groups: [] },
  ];
  const file = { users: users.map((user) => ({ name: user.name, hash: bcrypt.hashSync(user.password, 10), groups: user.groups })) };
  await writeFile(path.join(dir, "users.json"), JSON.stringify(file), { mode: 0o600 });
  return users;
}

/** Starts one Orrery in basic login mode on loopback over the demo cluster, shared by every security test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuild();
  const dir = await mkdtemp(path.join(tmpdir(), "orrery-security-"));
  const users = await writeUsers(dir);
  const port = await freePort();
  const kubeconfig = path.join(dir, "demo.kubeconfig");
  const dataDir = path.join(dir, "data");
  const orrery = await startOrrery([
    "--demo", "--host", "127.0.0.1", "--port", String(port),
    "--auth", "basic", "--users-file", path.join(dir, "users.json"),
    "--data-dir", dataDir, "--demo-kubeconfig-out", kubeconfig,
    "--embed-admin-group", "orrery:admins", "--frame-ancestors", portalOrigin,
    // Admins may push metrics (promApi.test.ts); a low sample limit lets an over-limit query fail fast.
    "--remote-write-receiver", "group:orrery:admins", "--query-max-samples", "1000000",
  ]);
  const context: SecuritySuiteContext = { baseUrl: `http://127.0.0.1:${port}`, port, kubeconfig, dataDir, usersFile: path.join(dir, "users.json"), users };
  project.provide("orrery", context);
  return async () => {
    await orrery.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
