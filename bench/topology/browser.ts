// Headless Chromium as the e2e suite launches it (e2e/playwright.config.ts): Debian's build, no downloads.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/chromium";
import { BenchRefusal, repoRoot } from "./orrery";

const { executablePath, args: chromiumArgs } = chromiumLaunchOptions;
export const viewportSize = { width: 1600, height: 1000 } as const;

/** Installs Chromium when missing and possible (scripts/ensure-chromium.mjs), else refuses with the command to run. */
export function ensureChromium(): void {
  try {
    execFileSync(process.execPath, [path.join(repoRoot, "scripts", "ensure-chromium.mjs")], { stdio: "inherit" });
  } catch {
    throw new BenchRefusal(`Chromium is needed at ${executablePath}: install it with \`sudo sh -c 'apt-get update && apt-get install -y chromium'\`, then run \`npm run bench:topology\` again.`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

export async function openPage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: viewportSize });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  return { page, pageErrors };
}

/** The page's JS heap after a full garbage collection (main thread; the layout worker has its own). */
export async function settledHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const used = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value;
    if (used === undefined) throw new Error("Chromium reported no JSHeapUsedSize");
    return used;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Records a CPU profile of the page's main thread while `work` runs, written to `file` (open it in Chrome DevTools). */
export async function withCpuProfile<T>(page: Page, file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU profile of the pan/zoom written to ${file}`);
    await cdp.detach().catch(() => undefined);
  }
}
