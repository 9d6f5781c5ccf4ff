import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { ShellDialog } from "./pages/ShellDialog";
import { TopologyMap } from "./pages/TopologyMap";
import { kubectl } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

const { shop, target } = scenario();

async function runningPod(namespace: string, selector: string): Promise<string> {
  const names = await kubectl("get", "pods", "-n", namespace, "-l", selector, "-o", 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}');
  const [name] = names.split(/\s+/).filter(Boolean);
  expect(name, `a running pod with ${selector} in ${namespace}`).toBeTruthy();
  return name!;
}

test.describe("pod shell", () => {
  // On the real control plane this suite's Orrery has no login, so it acts with its own read-only identity, which may
  // not exec: no Shell button. The shell there is tested as a signed-in person in cluster-suite/limited-user.spec.ts.
  test.skip(target === "real", "Orrery's own identity may not exec; cluster-suite/limited-user.spec.ts covers the real shell as bob");

  test("runs a command in a running pod and shows how the shell ended", async ({ page }) => {
    const pod = await runningPod(shop, "app=frontend");
    const drawer = new DetailsDrawer(page);
    const shell = new ShellDialog(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}&selected=pods/${shop}/${pod}`);
    await expect(drawer.heading()).toHaveText(`Pod ${pod}`);

    await test.step("the Shell button opens a connected terminal", async () => {
      await shell.openButton().click();
      await expect(shell.dialog()).toBeVisible();
      await expect(shell.status()).toContainText("Connected to");
    });

    await test.step("a typed command runs and its output shows", async () => {
      await shell.type("echo hello-orrery");
      await expect(shell.line("hello-orrery")).toBeVisible();
    });

    await test.step("Escape goes to the shell, not to the dialog", async () => {
      await shell.input().press("Escape");
      await expect(shell.dialog()).toBeVisible();
    });

    await test.step("exit 3 ends the shell with its code", async () => {
      await shell.type("exit 3");
      await expect(shell.line("[process exited with code 3]")).toBeVisible();
      await expect(shell.status()).toHaveText("[process exited with code 3]");
    });

    await test.step("Reconnect opens a new shell", async () => {
      await shell.reconnectButton().click();
      await expect(shell.status()).toContainText("Connected to");
      await shell.type("echo back-again");
      await expect(shell.line("back-again")).toBeVisible();
    });

    await test.step("Escape outside the terminal closes the dialog, and the drawer stays", async () => {
      await shell.dialog().getByRole("heading").click();
      await page.keyboard.press("Escape");
      await expect(shell.dialog()).toHaveCount(0);
      await expect(drawer.heading()).toHaveText(`Pod ${pod}`);
    });
  });

  test("xterm is fetched only when a shell opens, not with the page", async ({ page }) => {
    const scripts: Promise<string>[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.endsWith(".js")) scripts.push(response.text().catch(() => ""));
    });
    const xtermFetched = async () => (await Promise.all(scripts)).some((body) => body.includes("xterm-helper-textarea"));
    const pod = await runningPod(shop, "app=frontend");
    const shell = new ShellDialog(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}&selected=pods/${shop}/${pod}`);
    await expect(shell.openButton()).toBeVisible();
    expect(await xtermFetched(), "xterm in the page's own scripts").toBe(false);
    await shell.openButton().click();
    await expect(shell.input()).toBeAttached();
    expect(await xtermFetched(), "xterm fetched for the shell").toBe(true);
  });

  test("the container choice opens the shell in the chosen container", async ({ page }) => {
    const namespace = `e2e-shell-${Date.now()}`;
    const manifest = path.join(mkdtempSync(path.join(tmpdir(), "orrery-shell-")), "pod.json");
    const containers = [
      { name: "web", image: "nginx:1.27" },
      { name: "sidecar", image: "busybox:1.36", command: ["sleep", "86400"] },
    ];
    writeFileSync(manifest, JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "two", namespace }, spec: { containers } }));
    await kubectl("create", "namespace", namespace);
    try {
      await kubectl("apply", "-f", manifest);
      await expect.poll(() => kubectl("get", "pod", "two", "-n", namespace, "-o", "jsonpath={.status.phase}"), { timeout: 60_000 }).toBe("Running");
      const shell = new ShellDialog(page);
      await new ResourceListPage(page, "Pods").goto(`?ns=${namespace}&selected=pods/${namespace}/two`);
      await shell.openButton().click();
      await expect(shell.status()).toContainText("Connected to web");

      await shell.chooseContainer("sidecar");
      // busybox has no bash: the server falls back to sh and says so.
      await expect(shell.status()).toHaveText("Connected to sidecar (sh)");
      await shell.type("echo in-sidecar");
      await expect(shell.line("in-sidecar")).toBeVisible();
    } finally {
      await kubectl("delete", "namespace", namespace, "--wait=false");
    }
  });

  test("a failed pod offers no shell and says why", async ({ page }) => {
    const failed = (await kubectl("get", "pods", "-n", "batch", "-o", 'jsonpath={.items[?(@.status.phase=="Failed")].metadata.name}')).split(/\s+/).filter(Boolean);
    test.skip(failed.length === 0, "no failed pod on this cluster");
    const shell = new ShellDialog(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=batch&selected=pods/batch/${failed[0]}`);
    await expect(shell.openButton()).toHaveAttribute("aria-disabled", "true");
    await shell.openButton().hover();
    await expect(page.getByRole("tooltip")).toHaveText("The pod has failed: its containers have stopped.");
    await shell.openButton().click({ force: true });
    await expect(shell.dialog()).toHaveCount(0);
  });

  test("the topology details panel opens the same shell, and Escape in it leaves the panel open", async ({ page }) => {
    const pod = await runningPod(shop, "app=frontend");
    const map = new TopologyMap(page);
    const shell = new ShellDialog(page);
    await map.goto(`?ns=${shop}&pin=kind%3Apod`);
    await map.settled();
    const [podId] = await page.evaluate((name) => (window as unknown as { __orreryTopology: { idsNamed(n: string): string[] } }).__orreryTopology.idsNamed(name), pod);
    await map.clickNode(podId!);
    await expect(map.detailsHeading()).toHaveText(`Pod ${pod}`);

    await map.details().getByRole("button", { name: "Shell", exact: true }).click();
    await expect(shell.status()).toContainText("Connected to");
    await shell.type("echo from-the-map");
    await expect(shell.line("from-the-map")).toBeVisible();
    await shell.input().press("Escape");
    await expect(shell.dialog()).toBeVisible();
    await expect(map.details()).toBeVisible();
  });
});
