import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import { expect, test } from "@playwright/test";
import { LoginPage } from "../auth/LoginPage";
import { DashboardPage } from "../pages/DashboardPage";
import { DetailsDrawer } from "../pages/DetailsDrawer";
import { ShellDialog } from "../pages/ShellDialog";
import { ResourceListPage } from "../pages/ResourceListPage";
import { readClusterEnv } from "./clusterEnv";
import { freePortSync } from "./freePort";
import { startOrrery, type OrreryServer } from "./orrery";
import type { RealWorkloads } from "./workloads";

// Orrery with login (basic) on the real control plane: it impersonates the person who signed in, so what
// the apiserver's RBAC keeps from them, they do not see. bob may edit in team-a only; carol may only view
// team-a (no exec); alice is cluster-admin.

const workloads = JSON.parse(process.env.ORRERY_E2E_WORKLOADS ?? "null") as RealWorkloads;
const shop = workloads.scenario.shop;
const passwords = { bob: randomBytes(9).toString("base64url"), alice: randomBytes(9).toString("base64url"), carol: randomBytes(9).toString("base64url") };
let orrery: OrreryServer;
let usersDir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  usersDir = mkdtempSync(path.join(tmpdir(), "orrery-cluster-users-"));
  const usersFile = path.join(usersDir, "users.yaml");
  const entry = (name: keyof typeof passwords) => [`  - name: ${name}`, `    hash: "${bcrypt.hashSync(passwords[name], 8)}"`];
  writeFileSync(usersFile, ["users:", ...entry("bob"), ...entry("alice"), ...entry("carol"), ""].join("\n"), { mode: 0o600 });
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

/** A running pod of team-a's deployment, by name. */
async function teamAPod(): Promise<string> {
  const { stdout } = await promisify(execFile)("kubectl", ["--kubeconfig", readClusterEnv().kubeconfigs.bob, "get", "pods", "-n", "team-a", "-o", 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}'], { timeout: 30_000, env: { ...process.env, KUBECONFIG: "" } });
  const [name] = stdout.split(/\s+/).filter((pod) => pod.startsWith(`${workloads.teamA.deployment}-`));
  expect(name, "a running team-a pod").toBeTruthy();
  return name!;
}

test("bob gets a shell in team-a, and the audit log names him", async ({ page }) => {
  const pod = await teamAPod();
  await signIn(page, "bob");
  await page.goto(`${orrery.baseUrl}/pods?ns=team-a&selected=pods/team-a/${pod}`);
  await expect(new DetailsDrawer(page).heading()).toHaveText(`Pod ${pod}`);
  const shell = new ShellDialog(page);
  await shell.openButton().click();
  await expect(shell.status()).toContainText("Connected to");
  await shell.type("echo shell-as-bob");
  await expect(shell.line("shell-as-bob")).toBeVisible();
  const audited = () => readFileSync(path.join(orrery.dataDir, "audit.log"), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as { person: string; action: string; result: string; target: { name?: string } });
  await expect.poll(() => audited().some((entry) => entry.action === "exec" && entry.person === "bob" && entry.result === "success" && entry.target.name === pod)).toBe(true);
});

test("carol, who may only view team-a, is offered no shell, and the cluster would refuse her one", async ({ page }) => {
  const pod = await teamAPod();
  await signIn(page, "carol");
  await page.goto(`${orrery.baseUrl}/pods?ns=team-a&selected=pods/team-a/${pod}`);
  const drawer = new DetailsDrawer(page);
  await expect(drawer.heading()).toHaveText(`Pod ${pod}`);
  // The details have come from the server (the owner chain shows) before the button's absence means anything.
  await expect(drawer.section("Owners")).toContainText(`ReplicaSet ${workloads.teamA.deployment}-`);
  await expect(new ShellDialog(page).openButton()).toHaveCount(0);
  const { stdout } = await promisify(execFile)("kubectl", ["--kubeconfig", readClusterEnv().kubeconfigs.admin, "auth", "can-i", "create", "pods/exec", "-n", "team-a", "--as", "carol"], { env: { ...process.env, KUBECONFIG: "" } }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  expect(stdout.trim()).toBe("no");
});
