import { expect, test, type Page } from "@playwright/test";
import { cookieHeader, eventually, keepToLoopback, LoginPage, openStream, ProviderPages } from "./LoginPage";
import { freePort, startOidcProvider, startOrrery, type OidcProviderProcess, type OrreryProcess } from "./servers";
import { expectShellClosedByExpiry, holdStreamClose } from "./shellExpiry";

// The provider's access and ID tokens live this long, so a refresh is needed within one test.
const accessTtlSeconds = 20;
// Longer than any other test here takes, short enough for the last one to outlive it; refreshes do not extend it.
const sessionMaxSeconds = 120;
const clientId = "orrery-e2e";
const clientSecret = "orrery-e2e-client-secret";

let provider: OidcProviderProcess;
let orrery: OrreryProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUri: `${base}/api/auth/callback/oidc`, postLogoutUri: `${base}/login?signedOut=1`, accessTtlSeconds });
  orrery = await startOrrery(port, ["--auth", "oidc", "--public-url", base, "--oidc-issuer", provider.issuer, "--oidc-client-id", clientId, "--session-max", `${sessionMaxSeconds}s`, "--session-idle", `${sessionMaxSeconds}s`], {
    ORRERY_OIDC_CLIENT_SECRET: clientSecret,
  });
});

test.afterAll(async () => {
  await orrery?.stop();
  await provider?.stop();
});

test.beforeEach(async ({ context }) => {
  await keepToLoopback(context);
});

async function signInAs(page: Page, login: string, startPath = "/pods"): Promise<void> {
  await page.goto(`${orrery.baseUrl}${startPath}`);
  await expect(page).toHaveURL(`${orrery.baseUrl}/login?callbackUrl=${encodeURIComponent(startPath)}`, { timeout: 20_000 });
  await new LoginPage(page).providerButton().click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await new ProviderPages(page).signIn(login);
  await expect(page).toHaveURL(`${orrery.baseUrl}${startPath}`, { timeout: 30_000 });
}

test("login through the provider maps the user name and groups", async ({ page, context }) => {
  await test.step("a page without login sends the browser to the login page", async () => {
    await signInAs(page, "alice", "/workloads");
  });
  await test.step("the login page shows who is signed in, with the provider's groups", async () => {
    await page.goto(`${orrery.baseUrl}/login`);
    const login = new LoginPage(page);
    await expect(login.signedInName()).toHaveText("alice@example.test");
    await expect(login.groups()).toContainText("orrery:admins");
    await expect(login.groups()).toContainText("team-a");
  });
  await test.step("the session cookie is HttpOnly and SameSite=Lax; the browser never sees a token", async () => {
    const session = (await context.cookies(orrery.baseUrl)).find((cookie) => cookie.name === "orrery.session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const view = (await (await page.request.get(`${orrery.baseUrl}/api/auth/session`)).json()) as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(["expires", "renewBy", "user"]);
    expect(view.user).toEqual({ name: "alice@example.test", groups: ["orrery:admins", "team-a"] });
    expect((await provider.stats()).grants.authorization_code).toBeGreaterThanOrEqual(1);
  });
});

test("an ID token naming system:masters, or an unverified email, logs nobody in and says why", async ({ page }) => {
  const cases = [
    { login: "mallory", message: /named a Kubernetes user or group reserved for the cluster itself/ },
    // Her email is alice's, but the provider has not verified it: nobody becomes alice@example.test.
    { login: "unverified", message: /has not verified your email address/ },
  ];
  for (const { login, message } of cases) {
    await test.step(`${login} is sent back to the login page with the reason`, async () => {
      await page.context().clearCookies();
      await page.goto(`${orrery.baseUrl}/login`);
      await new LoginPage(page).providerButton().click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await new ProviderPages(page).signIn(login);
      await page.waitForURL((url) => url.origin === orrery.baseUrl && url.pathname === "/login" && url.searchParams.has("error"), { timeout: 30_000 });
      await expect(new LoginPage(page).error()).toContainText(message);
      await expect(new LoginPage(page).signedInName()).toHaveCount(0);
      expect(await (await page.request.get(`${orrery.baseUrl}/api/auth/session`)).json()).toEqual({});
      expect((await page.request.get(`${orrery.baseUrl}/api/resources/pods/shop/any`)).status()).toBe(401);
    });
  }
});

test("the tokens are refreshed after the access token expires and the person stays signed in", async ({ page }) => {
  await signInAs(page, "alice");
  const before = (await provider.stats()).grants.refresh_token ?? 0;
  await page.waitForTimeout((accessTtlSeconds + 3) * 1000);
  // Opening a page checks the session, which refreshes the tokens at the provider.
  await page.goto(`${orrery.baseUrl}/pods`);
  await eventually(() => provider.stats(), (stats) => (stats.grants.refresh_token ?? 0) > before);
  await page.goto(`${orrery.baseUrl}/login`);
  await expect(new LoginPage(page).signedInName()).toHaveText("alice@example.test");
});

test("logout ends the session here and at the provider, refuses the old cookie and closes the stream", async ({ page, context, browser }) => {
  await signInAs(page, "alice");
  const oldCookies = await context.cookies(orrery.baseUrl);
  const stream = await openStream(orrery.baseUrl, await cookieHeader(context, orrery.baseUrl));
  const endSessionsBefore = (await provider.stats()).endSessions;

  await test.step("sign out, confirming at the provider", async () => {
    await page.goto(`${orrery.baseUrl}/login`);
    await new LoginPage(page).signOutButton().click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await new ProviderPages(page).confirmLogout();
    await expect(page).toHaveURL(`${orrery.baseUrl}/login?signedOut=1`, { timeout: 30_000 });
    await expect(new LoginPage(page).signedOutNotice()).toBeVisible();
  });

  await test.step("the server closed the open stream", async () => {
    const closed = await Promise.race([stream.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
    expect(closed?.code).toBe(4401);
  });

  await test.step("the provider's session ended too: signing in asks for the login again", async () => {
    expect((await provider.stats()).endSessions).toBeGreaterThan(endSessionsBefore);
    await new LoginPage(page).providerButton().click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await expect(new ProviderPages(page).loginField()).toBeVisible();
  });

  await test.step("a replayed session cookie is refused", async () => {
    const replay = await browser.newContext();
    await keepToLoopback(replay);
    await replay.addCookies(oldCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto(`${orrery.baseUrl}/pods`);
    await expect(replayPage).toHaveURL(`${orrery.baseUrl}/login?callbackUrl=%2Fpods`, { timeout: 20_000 });
    expect((await replay.request.get(`${orrery.baseUrl}/api/resources/pods/shop/any`)).status()).toBe(401);
    await replay.addCookies(oldCookies);
    expect(await (await replay.request.get(`${orrery.baseUrl}/api/auth/session`)).json()).toEqual({});
    await replay.close();
  });
});

test("the session's absolute timeout closes an open shell, refreshes notwithstanding", async ({ page }) => {
  test.setTimeout((sessionMaxSeconds + 120) * 1000);
  await holdStreamClose(page);
  await signInAs(page, "alice");
  // alice is in orrery:admins, which the demo cluster binds to cluster-admin: she may exec.
  await expectShellClosedByExpiry(page, orrery.baseUrl, Date.now(), sessionMaxSeconds);
});
