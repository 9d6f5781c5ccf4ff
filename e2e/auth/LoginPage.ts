import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import WebSocket from "ws";

/** Orrery's login page and the signed-in panel it shows. */
export class LoginPage {
  constructor(readonly page: Page) {}

  userName(): Locator {
    return this.page.getByLabel("User name");
  }

  password(): Locator {
    return this.page.getByLabel(/^Password/);
  }

  signInButton(): Locator {
    return this.page.getByRole("button", { name: "Sign in", exact: true });
  }

  providerButton(): Locator {
    return this.page.getByRole("button", { name: /^Sign in with / });
  }

  error(): Locator {
    return this.page.getByRole("alert", { name: "Not signed in" });
  }

  signedInName(): Locator {
    return this.page.getByTestId("signed-in-name");
  }

  groups(): Locator {
    return this.page.getByLabel("Groups");
  }

  signOutButton(): Locator {
    return this.page.getByRole("button", { name: "Sign out" });
  }

  signedOutNotice(): Locator {
    return this.page.getByText("You have signed out.");
  }

  async signInWithPassword(name: string, password: string): Promise<void> {
    await this.userName().fill(name);
    await this.password().fill(password);
    await this.signInButton().click();
  }
}

/** The OpenID provider's own (oidc-provider development) sign-in, consent and logout pages. */
export class ProviderPages {
  constructor(readonly page: Page) {}

  loginField(): Locator {
    return this.page.locator('input[name="login"]');
  }

  async signIn(login: string): Promise<void> {
    await this.loginField().fill(login);
    await this.page.locator('input[name="password"]').fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    // The provider asks for consent when this browser has not granted it yet.
    const consent = this.page.getByRole("button", { name: "Continue" });
    await consent.click({ timeout: 10_000 }).catch(() => undefined);
  }

  async confirmLogout(): Promise<void> {
    await this.page.getByRole("button", { name: "Yes, sign me out" }).click();
  }
}

/** Lets the browser reach loopback only: the provider's pages link web fonts that must not be fetched. */
export async function keepToLoopback(context: BrowserContext): Promise<void> {
  await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
}

export async function cookieHeader(context: BrowserContext, baseUrl: string): Promise<string> {
  return (await context.cookies(baseUrl)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

export interface OpenStream {
  closed: Promise<{ code: number; reason: string }>;
  socket: WebSocket;
}

/** Opens /api/stream the way the page does (same Origin, the session cookie); resolves once open. */
export async function openStream(baseUrl: string, cookie: string): Promise<OpenStream> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/stream`, { headers: { cookie, origin: baseUrl } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("unexpected-response", (_req, res) => reject(new Error(`stream upgrade refused: ${res.statusCode}`)));
    socket.once("error", reject);
  });
  return { closed, socket };
}

/** Polls until `read` passes `check` (for counters at the provider). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  expect(check(value), `condition not met; last value ${JSON.stringify(value)}`).toBe(true);
  return value;
}
