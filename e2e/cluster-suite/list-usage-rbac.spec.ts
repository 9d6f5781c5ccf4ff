import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "../auth/LoginPage";
import { ResourceListPage } from "../pages/ResourceListPage";
import { kubectl } from "../fixtures/kubectl";
import { readClusterEnv } from "./clusterEnv";
import { freePortSync } from "./freePort";
import { startOrrery, type OrreryServer } from "./orrery";
import type { RealWorkloads } from "./workloads";

// The lists' CPU and memory obey metrics.k8s.io RBAC as the map does: bob (edit in team-a, which carries
// pods.metrics.k8s.io) sees team-a's usage; dave may list team-a's pods but not their metrics, and sees none.

const workloads = JSON.parse(process.env.ORRERY_E2E_WORKLOADS ?? "null") as RealWorkloads;
const passwords = { bob: randomBytes(9).toString("base64url"), dave: randomBytes(9).toString("base64url") };
const daveRole = `e2e-pods-only-${randomBytes(3).toString("hex")}`;
let orrery: OrreryServer;
let usersDir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await kubectl("create", "role", daveRole, "-n", "team-a", "--verb=get,list,watch", "--resource=pods");
  await kubectl("create", "rolebinding", daveRole, "-n", "team-a", `--role=${daveRole}`, "--user=dave");
  usersDir = mkdtempSync(path.join(tmpdir(), "orrery-usage-users-"));
  const usersFile = path.join(usersDir, "users.yaml");
  const entry = (name: keyof typeof passwords) => [`  - name: ${name}`, `    hash: "${bcrypt.hashSync(passwords[name], 8)}"`];
  writeFileSync(usersFile, ["users:", ...entry("bob"), ...entry("dave"), ""].join("\n"), { mode: 0o600 });
  orrery = await startOrrery(Number(freePortSync()), readClusterEnv().kubeconfigs.orrery, ["--auth", "basic", "--users-file", usersFile]);
});

test.afterAll(async () => {
  await orrery?.stop();
  if (usersDir) rmSync(usersDir, { recursive: true, force: true });
  await kubectl("delete", "rolebinding,role", daveRole, "-n", "team-a", "--ignore-not-found").catch(() => undefined);
});

async function teamAPodCpu(page: Page, name: keyof typeof passwords) {
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword(name, passwords[name]);
  await expect(page).not.toHaveURL(/\/login/);
  const pods = new ResourceListPage(page, "Pods");
  await page.goto(`${orrery.baseUrl}/pods?ns=team-a`);
  const row = pods.row(new RegExp(`^${workloads.teamA.deployment}-`)).first();
  await expect(row).toBeVisible();
  const headers = (await pods.table().getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  return row.getByRole("cell").nth(headers.indexOf("CPU"));
}

test("bob, who may list pods.metrics.k8s.io in team-a, sees its pods' CPU", async ({ page }) => {
  test.setTimeout(240_000);
  await expect(await teamAPodCpu(page, "bob")).toHaveText(/^\d+(\.\d+)?m?$/, { timeout: 150_000 });
});

test("dave, who may list team-a's pods but not their metrics, sees no usage and is told why", async ({ page }) => {
  test.setTimeout(120_000);
  const cell = await teamAPodCpu(page, "dave");
  await expect(cell.locator("[title]")).toHaveAttribute("title", /^CPU: no usage: you may not list pods.metrics.k8s.io in namespace team-a(,|$)/);
  await expect(cell).toHaveText("–");
});
