import { hashSync as argon2Hash } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { expect, test } from "@playwright/test";
import { cookieHeader, keepToLoopback, LoginPage, openStream } from "./LoginPage";
import { freePort, startOrrery, type OrreryProcess } from "./servers";
import { writeUsersFile } from "./usersFile";
import { expectShellClosedByExpiry, holdStreamClose } from "./shellExpiry";

// Short enough for one test to outlive it: the absolute timeout closes an open stream and an open shell.
const sessionMaxSeconds = 90;

let orrery: OrreryProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  const usersFile = writeUsersFile([
    { name: "admin", hash: bcrypt.hashSync("admin-password", 8), groups: ["orrery:admins"] },
    { name: "dev", hash: argon2Hash("dev-password") },
  ]);
  const sessionFlags = ["--session-max", `${sessionMaxSeconds}s`, "--session-idle", `${sessionMaxSeconds}s`];
  orrery = await startOrrery(await freePort(), ["--auth", "basic", "--users-file", usersFile, ...sessionFlags]);
});

test.afterAll(async () => {
  await orrery?.stop();
});

test.beforeEach(async ({ context }) => {
  await keepToLoopback(context);
});

test("a page without login goes to the login page and back after signing in", async ({ page, context }) => {
  await page.goto(`${orrery.baseUrl}/workloads?ns=shop`);
  await expect(page).toHaveURL(`${orrery.baseUrl}/login?callbackUrl=${encodeURIComponent("/workloads?ns=shop")}`, { timeout: 20_000 });
  await new LoginPage(page).signInWithPassword("admin", "admin-password");
  await expect(page).toHaveURL(`${orrery.baseUrl}/workloads?ns=shop`, { timeout: 30_000 });
  const session = (await context.cookies(orrery.baseUrl)).find((cookie) => cookie.name === "orrery.session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.goto(`${orrery.baseUrl}/login`);
  await expect(new LoginPage(page).signedInName()).toHaveText("admin");
  await expect(new LoginPage(page).groups()).toHaveText("orrery:admins");
});

test("a wrong password and an unknown user get the same message", async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto(`${orrery.baseUrl}/login`);
  await login.signInWithPassword("admin", "not-the-password");
  await expect(login.error()).toContainText("Invalid user name or password.");
  const wrongPassword = await login.error().textContent();
  await page.goto(`${orrery.baseUrl}/login`);
  await login.signInWithPassword("nobody", "not-the-password");
  await expect(login.error()).toHaveText(wrongPassword!);
  await expect(page).toHaveURL(/\/login/);
});

test("an argon2 user signs in; API clients use HTTP Basic", async ({ page, request }) => {
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword("dev", "dev-password");
  await expect(page).toHaveURL(`${orrery.baseUrl}/pods`, { timeout: 30_000 });
  const url = `${orrery.baseUrl}/api/resources/pods/shop/no-such-pod`;
  const basic = (name: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}` });
  expect((await request.get(url)).status()).toBe(401);
  expect((await request.get(url, { headers: basic("admin", "admin-password") })).status()).not.toBe(401);
  expect((await request.get(url, { headers: basic("admin", "wrong") })).status()).toBe(401);
});

test("logout clears the session and the old cookie is refused", async ({ page, context, browser }) => {
  await page.goto(`${orrery.baseUrl}/login`);
  const login = new LoginPage(page);
  await login.signInWithPassword("admin", "admin-password");
  await expect(page).toHaveURL(`${orrery.baseUrl}/pods`, { timeout: 30_000 });
  const oldCookies = await context.cookies(orrery.baseUrl);
  const stream = await openStream(orrery.baseUrl, await cookieHeader(context, orrery.baseUrl));
  await page.goto(`${orrery.baseUrl}/login`);
  await login.signOutButton().click();
  await expect(page).toHaveURL(`${orrery.baseUrl}/login?signedOut=1`, { timeout: 30_000 });
  await expect(login.signedOutNotice()).toBeVisible();
  expect((await context.cookies(orrery.baseUrl)).some((cookie) => cookie.name === "orrery.session")).toBe(false);
  expect((await stream.closed).code).toBe(4401);

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  expect((await replay.request.get(`${orrery.baseUrl}/api/resources/pods/shop/any`)).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto(`${orrery.baseUrl}/nodes`);
  await expect(replayPage).toHaveURL(`${orrery.baseUrl}/login?callbackUrl=%2Fnodes`, { timeout: 20_000 });
  await replay.close();
});

test("the session's absolute timeout closes an open stream", async ({ page, context }) => {
  test.setTimeout((sessionMaxSeconds + 120) * 1000);
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword("admin", "admin-password");
  await expect(page).toHaveURL(`${orrery.baseUrl}/pods`, { timeout: 30_000 });
  const signedInAt = Date.now();
  const stream = await openStream(orrery.baseUrl, await cookieHeader(context, orrery.baseUrl));
  // The socket under test is the one above; the app's own page would only react to the expiry too and slow the teardown.
  await page.goto("about:blank");
  const closed = await stream.closed;
  expect(closed.code).toBe(4401);
  expect(Date.now() - signedInAt).toBeGreaterThan((sessionMaxSeconds - 5) * 1000);
  expect((await page.request.get(`${orrery.baseUrl}/api/resources/pods/shop/any`)).status()).toBe(401);
});

test("the session's absolute timeout closes an open shell, which says to sign in again", async ({ page }) => {
  test.setTimeout((sessionMaxSeconds + 120) * 1000);
  await holdStreamClose(page);
  await page.goto(`${orrery.baseUrl}/login`);
  await new LoginPage(page).signInWithPassword("admin", "admin-password");
  await expect(page).toHaveURL(`${orrery.baseUrl}/pods`, { timeout: 30_000 });
  await expectShellClosedByExpiry(page, orrery.baseUrl, Date.now(), sessionMaxSeconds);
});
