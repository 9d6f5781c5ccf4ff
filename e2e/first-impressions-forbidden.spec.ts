import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LoginPage } from "./auth/LoginPage";
import { freePort, startOrrery, type OrreryProcess } from "./auth/servers";
import { readClusterEnv } from "./cluster-suite/clusterEnv";
import { scenario } from "./fixtures/scenario";
import { DashboardPage } from "./pages/DashboardPage";

// Issue 10, item 1: Orrery started as the README shows (ENABLE_BASIC_AUTH, a user without groups), on the demo cluster
// (e2e/playwright.config.ts) or the real control plane (e2e/playwright.cluster.config.ts). Every page must say that the
// cluster refused, who Orrery asked as, what was refused and the kubectl that grants a read-only view; and that command,
// run by an admin, must work.

const { target, shop } = scenario();
const run = promisify(execFile);
const suffix = randomBytes(3).toString("hex");
// The README's user on a demo of its own; a fresh name on the shared real cluster, where nobody has bound it.
const newcomer = { name: target === "demo" ? "admin" : `newcomer-${suffix}`, password: randomBytes(12).toString("base64url") };
// A person with a Role that lists pods in one namespace and nothing else: not even Namespace objects.
const podsOnly = { name: `pods-only-${suffix}`, password: randomBytes(12).toString("base64url") };

let orrery: OrreryProcess;
let adminKubeconfig: string;
let workDir: string;

async function kubectl(...args: string[]): Promise<string> {
  try {
    return (await run("kubectl", ["--kubeconfig", adminKubeconfig, ...args], { timeout: 30_000, env: { ...process.env, KUBECONFIG: "" } })).stdout.trim();
  } catch (error) {
    throw new Error(`kubectl ${args.join(" ")} failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  workDir = mkdtempSync(path.join(tmpdir(), "orrery-forbidden-"));
  const usersFile = path.join(workDir, "users.yaml");
  writeFileSync(usersFile, ["users:", `  - name: ${podsOnly.name}`, `    hash: "${bcrypt.hashSync(podsOnly.password, 8)}"`, ""].join("\n"), { mode: 0o600 });
  const demoKubeconfig = path.join(workDir, "demo.kubeconfig");
  const clusterArgs = target === "demo" ? ["--demo", "--demo-kubeconfig-out", demoKubeconfig] : ["--kubeconfig", readClusterEnv().kubeconfigs.orrery];
  adminKubeconfig = target === "demo" ? demoKubeconfig : readClusterEnv().kubeconfigs.admin;
  const readme = { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_USERNAME: newcomer.name, BASIC_AUTH_PASSWORD: newcomer.password };
  orrery = await startOrrery(await freePort(), ["--auth", "basic", "--users-file", usersFile], readme, clusterArgs);
  await kubectl("create", "role", `orrery-e2e-pods-${suffix}`, "--verb=get,list,watch", "--resource=pods", "-n", shop);
  await kubectl("create", "rolebinding", `orrery-e2e-pods-${suffix}`, `--role=orrery-e2e-pods-${suffix}`, `--user=${podsOnly.name}`, "-n", shop);
});

test.afterAll(async () => {
  // The real cluster is shared: take back every grant this spec made there.
  if (adminKubeconfig && target === "real") {
    await kubectl("delete", "clusterrolebinding", `orrery-view-${newcomer.name}`, "--ignore-not-found").catch(() => undefined);
    await kubectl("delete", "rolebinding,role", `orrery-e2e-pods-${suffix}`, "-n", shop, "--ignore-not-found").catch(() => undefined);
  }
  await orrery?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function signIn(browser: Browser, person: { name: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword(person.name, person.password);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  return page;
}

const refusal = (page: Page) => page.getByRole("alert").filter({ hasText: "Not allowed" });
const grantCommand = (page: Page) => page.getByLabel("Command to grant a read-only view");
const viewBinding = () => `kubectl create clusterrolebinding orrery-view-${newcomer.name} --clusterrole=view --user=${newcomer.name}`;

async function expectToldWhy(page: Page, refused: RegExp, command: string): Promise<void> {
  await expect(refusal(page)).toContainText(refused);
  await expect(page.getByTestId("asked-as")).toHaveText(`Orrery asked as user ${newcomer.name} with groups system:authenticated (your login).`);
  await expect(grantCommand(page)).toContainText(command);
  await expect(page.getByLabel(/^Loading /)).toHaveCount(0);
}

test("a person without rights is told why on every page, and what would let them see", async ({ browser }) => {
  const page = await signIn(browser, newcomer);
  const lists = [
    { path: "/pods", refused: /list pods/ },
    { path: "/workloads", refused: /list pods.*list deployments\.apps|list deployments\.apps.*list pods/ },
    { path: "/services", refused: /list services/ },
  ];
  for (const list of lists) {
    await test.step(list.path, async () => {
      await page.goto(`${orrery.baseUrl}${list.path}`);
      await expectToldWhy(page, list.refused, viewBinding());
    });
  }
  await test.step("/nodes: the view role does not read nodes, so the command makes a reader role first", async () => {
    await page.goto(`${orrery.baseUrl}/nodes`);
    await expectToldWhy(page, /list nodes/, `kubectl create clusterrole orrery-nodes-reader --verb=get,list,watch --resource=nodes`);
  });
  await test.step("the map", async () => {
    await page.goto(`${orrery.baseUrl}/topology`);
    await expectToldWhy(page, /list pods/, viewBinding());
    await expect(page.getByTestId("topology-empty")).toHaveCount(0);
  });
  await test.step("the namespace picker", async () => {
    await page.goto(`${orrery.baseUrl}/pods`);
    await expect(page.getByRole("img", { name: /^Namespaces: you may not list namespaces/ })).toBeVisible();
  });
  await test.step("the details drawer and route: a refused get is the cluster's refusal, never 'not found'", async () => {
    const pod = (await kubectl("get", "pods", "-n", shop, "-o", "jsonpath={.items[0].metadata.name}")).trim();
    await page.goto(`${orrery.baseUrl}/pods?ns=${shop}&selected=pods/${shop}/${pod}`);
    await expect(page.getByRole("dialog").getByRole("alert")).toContainText(`list pods in namespace ${shop}`);
    await expect(page.getByRole("dialog")).not.toContainText(/not found/i);
    for (const name of [pod, "no-such-pod"]) {
      const answer = await page.request.get(`${orrery.baseUrl}/api/resources/pods/${shop}/${name}`);
      expect(answer.status()).toBe(403);
      expect(await answer.json()).toEqual({ error: { code: "forbidden", message: `pods "${name}" is forbidden: User "${newcomer.name}" cannot get resource "pods" in API group "" in the namespace "${shop}"` } });
    }
  });
  await test.step("GET /api/me names the person as the cluster sees them", async () => {
    const me = (await (await page.request.get(`${orrery.baseUrl}/api/me?kinds=pods`)).json()) as { user: string; groups: string[]; lists: { pods: unknown } };
    expect(me).toMatchObject({ user: newcomer.name, groups: ["system:authenticated"], lists: { pods: [] } });
  });
  await page.context().close();
});

test("a person who may list pods in one namespace only is offered that namespace", async ({ browser }) => {
  const page = await signIn(browser, podsOnly);
  await page.goto(`${orrery.baseUrl}/pods`);
  const select = new DashboardPage(page).namespaceSelect();
  await expect.poll(() => select.locator("option").allInnerTexts()).toEqual(["All namespaces", shop]);
  await expect(page.getByRole("img", { name: /^Namespaces: you may not list namespaces; these are the namespaces where you may see something/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pods" }).locator("tbody").getByRole("row").first()).toBeVisible();
  await page.context().close();
});

test("the command the page gives, run by an admin, lets the person see", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signIn(browser, newcomer);
  await page.goto(`${orrery.baseUrl}/pods`);
  const command = (await grantCommand(page).textContent())!.trim();
  expect(command).toBe(viewBinding());
  await kubectl(...command.split(" ").slice(1));
  // Orrery keeps access answers for 30 s; the page asks again when reopened.
  await expect(async () => {
    await page.goto(`${orrery.baseUrl}/pods`);
    await expect(page.getByRole("table", { name: "Pods" }).locator("tbody").getByRole("row").first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  await expect(refusal(page)).toHaveCount(0);
  await page.context().close();
});
