import bcrypt from "bcryptjs";
import { expect, test, type Browser } from "@playwright/test";
import { everyPage, visitQuietly, watchConsole } from "../fixtures/consoleWatch";
import { keepToLoopback, LoginPage } from "./LoginPage";
import { freePort, startOrrery, type OrreryProcess } from "./servers";
import { writeUsersFile } from "./usersFile";

// Issue 10, item 8, with login on: nobody here may make embed links (no --embed-admin-group), one person is a cluster
// admin and one may see nothing. Walking every page, signed in or not, leaves the browser console clean.

let orrery: OrreryProcess;
const people = { admin: "admin-password", newcomer: "newcomer-password" } as const;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  const usersFile = writeUsersFile([
    { name: "admin", hash: bcrypt.hashSync(people.admin, 8), groups: ["orrery:admins"] },
    { name: "newcomer", hash: bcrypt.hashSync(people.newcomer, 8) },
  ]);
  orrery = await startOrrery(await freePort(), ["--auth", "basic", "--users-file", usersFile]);
});

test.afterAll(async () => {
  await orrery?.stop();
});

async function walk(browser: Browser, person?: keyof typeof people): Promise<void> {
  const context = await browser.newContext();
  await keepToLoopback(context);
  const page = await context.newPage();
  if (person) {
    await page.goto(`${orrery.baseUrl}/login`);
    await new LoginPage(page).signInWithPassword(person, people[person]);
    await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  }
  const console = watchConsole(page);
  for (const path of everyPage) {
    await test.step(path, async () => {
      await visitQuietly(page, `${orrery.baseUrl}${path}`);
      if (!person) await expect(page).toHaveURL(/\/login/);
      expect.soft(console.problems(), `what the console showed on ${path}`).toEqual([]);
      console.clear();
    });
  }
  await context.close();
}

test("every page is clean for a signed-in admin who may not make embed links", async ({ browser }) => {
  await walk(browser, "admin");
});

test("every page is clean for a signed-in person who may see nothing", async ({ browser }) => {
  await walk(browser, "newcomer");
});

test("every page is clean for someone not signed in, who is sent to the login page", async ({ browser }) => {
  await walk(browser);
});
