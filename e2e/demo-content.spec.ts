import { expect, test } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { ShellDialog } from "./pages/ShellDialog";
import { kubectl, podNames } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

// What the demo cluster shows should make sense to someone who knows the programs it pretends to run.

const { target } = scenario();
const javaTrace = /^\s*at [\w$.]+\(\w+\.java:\d+\)|springframework|Exception in thread|java\.(lang|net)\./m;

test.describe("demo content", () => {
  test.skip(target === "real", "the demo cluster's logs and shell are its own; the real control plane's are kwok's");

  test("a Go service's logs read like Go, with no Java stack trace", async () => {
    await test.step("the Go product catalog logs zap-style JSON", async () => {
      const logs = await kubectl("logs", "-n", "shop", "deploy/catalog", "--tail=50");
      expect(logs).not.toMatch(javaTrace);
      const lines = logs.split("\n").filter(Boolean);
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), caller: expect.stringMatching(/\.go:\d+$/), msg: expect.any(String) });
    });

    await test.step("the crash-looping Go checkout died of a Go panic", async () => {
      const [pod] = await podNames("shop", "app=checkout");
      const previous = await kubectl("logs", "-n", "shop", pod!, "--previous");
      expect(previous).toMatch(/^panic: /m);
      expect(previous).toMatch(/^goroutine \d+ \[running\]:/m);
      expect(previous).not.toMatch(javaTrace);
    });

    await test.step("Kubernetes' own components log with klog", async () => {
      const [proxy] = await podNames("kube-system", "k8s-app=kube-proxy");
      expect(await kubectl("logs", "-n", "kube-system", proxy!, "--tail=5")).toMatch(/^[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} +1 \S+\.go:\d+\] /m);
    });
  });

  test("top in the pod shell leaves the terminal's earlier output in place", async ({ page }) => {
    const [pod] = await podNames("shop", "app=frontend");
    const drawer = new DetailsDrawer(page);
    const shell = new ShellDialog(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=shop&selected=pods/shop/${pod}`);
    await expect(drawer.heading()).toHaveText(`Pod ${pod}`);
    await shell.openButton().click();
    await expect(shell.status()).toContainText("Connected to");

    await test.step("something is on the screen before top", async () => {
      await shell.type("echo before-top");
      await expect(shell.line("before-top")).toBeVisible();
    });

    await test.step("top draws its frame", async () => {
      await shell.type("top");
      await expect(shell.rows().filter({ hasText: /^top - .*load average/ })).toBeVisible();
      await expect(shell.line("before-top")).toHaveCount(0);
    });

    await test.step("q leaves top and the earlier output is back", async () => {
      await shell.input().press("q");
      await expect(shell.line("before-top")).toBeVisible();
      await expect(shell.rows().filter({ hasText: /load average/ })).toHaveCount(0);
      await shell.type("echo after-top");
      await expect(shell.line("after-top")).toBeVisible();
    });
  });
});
