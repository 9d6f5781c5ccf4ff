import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import { expect, test } from "@playwright/test";
import { LoginPage } from "../auth/LoginPage";
import { DashboardPage } from "../pages/DashboardPage";
import { ResourceListPage } from "../pages/ResourceListPage";
import { readClusterEnv } from "./clusterEnv";
import { freePortSync } from "./freePort";
import { startOrrery, type OrreryServer } from "./orrery";
import type { RealWorkloads } from "./workloads";

// Orrery with login (basic) on the real control plane: it impersonates the person who signed in, so what
// the apiserver's RBAC keeps from them, they do not see. bob may edit in team-a only; alice is cluster-admin.

const workloads = JSON.parse(process.env.ORRERY_E2E_WORKLOADS ?? "null") as RealWorkloads;
const shop = workloads.scenario.shop;
const passwords = { bob: randomBytes(9).toString("base64url"), alice: randomBytes(9).toString("base64url") };
let orrery: OrreryServer;
let usersDir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  usersDir = mkdtempSync(path.join(tmpdir(), "orrery-cluster-users-"));
  const usersFile = path.join(usersDir, "users.yaml");
  const entry = (name: keyof typeof passwords) => [`  - name: ${name}`, `    hash: "${bcrypt.hashSync(passwords[name], 8)}"`];
  writeFileSync(usersFile, ["users:", ...entry("bob"), ...entry("alice"), ""].join("\n"), { mode: 0o600 });
  orrery = await startOrrery(Number(freePortSync()), readClusterEnv().kubeconfigs.orrery, ["--auth", "basic", "--users-file", usersFile]);
});

test.afterAll(async () => {
  await orrery?.stop();
  if (usersDir) rmSync(usersDir, { recursive: true, force: true });
});

/** kubectl as bob, with his own client certificate: what the apiserver lets him do. */
async function kubectlAsBob(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("kubectl", ["--kubeconfig", readClusterEnv().kubeconfigs.bob, ...args], { timeout: 30_000, env: { ...process.env, KUBECONFIG: "" } });
  return stdout;
}

async function signIn(page: import("@playwright/test").Page, name: keyof typeof passwords): Promise<void> {
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword(name, passwords[name]);
  await expect(page).not.toHaveURL(/\/login/);
}

test("the cluster itself refuses bob outside team-a (what the next test relies on)", async () => {
  await expect(kubectlAsBob("get", "pods", "-n", shop)).rejects.toThrow(/forbidden: User "bob" cannot list resource "pods"/);
  expect(await kubectlAsBob("get", "deployments", "-n", "team-a", "-o", "name")).toContain(`deployment.apps/${workloads.teamA.deployment}`);
});

test("bob sees team-a's pods and nothing of the namespaces he may not read", async ({ page }) => {
  await signIn(page, "bob");
  const pods = new ResourceListPage(page, "Pods");
  await page.goto(`${orrery.baseUrl}/pods`);
  await expect(pods.row(new RegExp(`^${workloads.teamA.deployment}-`)).first()).toBeVisible();
  const namespaces = new Set((await pods.namespaceCells().allInnerTexts()).map((n) => n.trim()));
  expect(namespaces).toEqual(new Set(["team-a"]));
  const select = new DashboardPage(page).namespaceSelect();
  await expect(select.locator("option", { hasText: /^team-a$/ })).toHaveCount(1);
  expect(await select.locator("option").allInnerTexts()).toEqual(["All namespaces", "team-a"]);
  await page.goto(`${orrery.baseUrl}/pods?ns=${shop}&q=frontend`);
  await expect(pods.row(/^frontend-/)).toHaveCount(0);
  await expect(page.getByText(/frontend-[a-z0-9]+-[a-z0-9]{5}/)).toHaveCount(0);
});

test("alice, cluster-admin, sees the shop's frontend pods and team-a's", async ({ page }) => {
  await signIn(page, "alice");
  const pods = new ResourceListPage(page, "Pods");
  await page.goto(`${orrery.baseUrl}/pods`);
  await expect(pods.row(/^frontend-/).first()).toBeVisible();
  await expect(pods.row(new RegExp(`^${workloads.teamA.deployment}-`)).first()).toBeVisible();
  const namespaces = new Set((await pods.namespaceCells().allInnerTexts()).map((n) => n.trim()));
  expect([...namespaces]).toEqual(expect.arrayContaining([shop, "team-a"]));
});
