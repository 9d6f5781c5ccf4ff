import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../chromium";
import { kubectl } from "./harness/kubectl";
import { noteOutcome, suite, user } from "./harness/suiteContext";

// Markup, script, ANSI colours, an OSC 8 hyperlink, a terminal title change and bidi override, in one string.
const hostile = `<img src=x onerror="window.__xss='img'"><script>window.__xss='script'</script><a href="javascript:window.__xss='link'">click</a>\u001b[31mRED\u001b[0m\u001b]8;;https://evil.example\u0007osc8\u001b]8;;\u0007\u001b]0;pwned\u0007\u202Egnp.exe`;
const probe = "xss-probe";
let browser: Browser;
let page: Page;
const violations: string[] = [];
const dialogs: string[] = [];

async function createHostileObjects(): Promise<void> {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: probe, namespace: "shop", labels: { app: probe }, annotations: { "orrery.test/hostile": hostile } },
    spec: { containers: [{ name: "main", image: "nginx:1.27" }] },
  };
  await kubectl(["apply", "-f", "-"], JSON.stringify(pod));
  const uid = await kubectl(["get", "pod", probe, "-n", "shop", "-o", "jsonpath={.metadata.uid}"]);
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${probe}.hostile`, namespace: "shop" },
    involvedObject: { kind: "Pod", name: probe, namespace: "shop", uid, apiVersion: "v1" },
    reason: "<b>Hostile</b>",
    message: hostile,
    type: "Warning",
    count: 1,
    firstTimestamp: new Date().toISOString(),
    lastTimestamp: new Date().toISOString(),
    source: { component: "<i>attacker</i>" },
  };
  await kubectl(["apply", "-f", "-"], JSON.stringify(event));
}

async function loginInBrowser(): Promise<void> {
  const { baseUrl } = suite();
  const csrf = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { username: "alice", password: user("alice").password, csrfToken: csrf.csrfToken, json: "true" },
    headers: { origin: baseUrl },
  });
  expect(response.ok()).toBe(true);
}

beforeAll(async () => {
  await createHostileObjects();
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await loginInBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await kubectl(["delete", "pod", probe, "-n", "shop", "--ignore-not-found", "--wait=false"]).catch(() => undefined);
});

async function injectedElements(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: string }).__xss) found.push(`script ran: ${(window as unknown as { __xss?: string }).__xss}`);
    for (const element of document.querySelectorAll("img[src='x'], [onerror], a[href^='javascript:'], a[href*='evil.example'], b, i")) found.push(element.outerHTML.slice(0, 80));
    for (const script of document.querySelectorAll("script")) if (script.textContent?.includes("__xss") && !script.textContent.includes("self.__next_f")) found.push("script element with the payload");
    return found;
  });
}

describe("escape sequences and markup in cluster objects", () => {
  test("object names with markup are refused by the apiserver", async ({ task }) => {
    const refusal = await kubectl(["run", "<img-src=x>", "-n", "shop", "--image=nginx"]).then(() => "accepted", (error: Error) => error.message);
    noteOutcome(task, refusal.slice(0, 120));
    expect(refusal).toMatch(/Invalid value|invalid/i);
  });

  test("label values with markup are refused by the apiserver, or shown as text", async ({ task }) => {
    // A patch, not `kubectl label`: kubectl checks label values itself before the apiserver sees them.
    const patch = JSON.stringify({ metadata: { labels: { evil: "<b>x</b>" } } });
    const outcome = await kubectl(["patch", "pod", probe, "-n", "shop", "--type", "merge", "-p", patch]).then(() => "accepted", (error: Error) => error.message);
    noteOutcome(task, outcome.slice(0, 120));
    if (outcome === "accepted") {
      await page.goto(`${suite().baseUrl}/pods?ns=shop&selected=pods%2Fshop%2F${probe}`);
      await page.getByRole("region", { name: "Labels" }).getByText("evil=<b>x</b>").waitFor();
      expect(await injectedElements()).toEqual([]);
    } else {
      expect(outcome).toMatch(/invalid/i);
    }
  });

  test("annotations, event reason, message and source with markup, ANSI, OSC and bidi in the details drawer", async ({ task }) => {
    await page.goto(`${suite().baseUrl}/pods?ns=shop&q=${probe}`);
    await page.getByRole("row").filter({ hasText: probe }).first().waitFor({ timeout: 30_000 });
    await page.goto(`${suite().baseUrl}/pods?ns=shop&selected=pods%2Fshop%2F${probe}`);
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("region", { name: "Events" }).getByText("<b>Hostile</b>").waitFor({ timeout: 30_000 });
    const annotations = await drawer.getByRole("region", { name: "Annotations" }).innerText();
    const events = await drawer.getByRole("region", { name: "Events" }).innerText();
    await drawer.getByRole("tab", { name: "YAML" }).click();
    await drawer.getByRole("tabpanel", { name: "YAML" }).getByText("orrery.test/hostile").waitFor();
    const injected = await injectedElements();
    noteOutcome(task, `injected ${injected.length}, CSP violations ${violations.length}, dialogs ${dialogs.length}`);
    expect(annotations).toContain('<img src=x onerror="window.__xss=');
    expect(events).toContain("<script>window.__xss='script'</script>");
    expect(injected).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("the page title is not changed by an OSC title sequence", async ({ task }) => {
    const title = await page.title();
    noteOutcome(task, JSON.stringify(title));
    expect(title).not.toContain("pwned");
  });
});
