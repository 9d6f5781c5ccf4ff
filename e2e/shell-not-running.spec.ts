import { expect, test } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { ShellDialog } from "./pages/ShellDialog";
import { kubectl, podNames } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

const { shop, target } = scenario();
const notRunning = 'container "server" is not running (waiting: CrashLoopBackOff)';

/** The demo's crash-looping checkout pod, once its container is waiting in CrashLoopBackOff (between two short runs). */
async function crashLoopingPod(): Promise<string> {
  const [checkout] = await podNames(shop, "app=checkout");
  expect(checkout, "a crash-looping checkout pod").toBeTruthy();
  await expect
    .poll(() => kubectl("get", "pod", checkout!, "-n", shop, "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}"), { timeout: 60_000 })
    .toBe("CrashLoopBackOff");
  return checkout!;
}

test.describe("shell on a container that is not running", () => {
  // As in shell.spec.ts: on the real control plane this suite's Orrery acts with its own identity, which may not exec.
  test.skip(target === "real", "Orrery's own identity may not exec on the real control plane");

  test("the Shell button says the container is crash-looping before it is pressed", async ({ page }) => {
    const pod = await crashLoopingPod();
    const drawer = new DetailsDrawer(page);
    const shell = new ShellDialog(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}&selected=pods/${shop}/${pod}`);
    await expect(drawer.heading()).toHaveText(`Pod ${pod}`);
    await expect(shell.openButton()).toHaveAttribute("aria-disabled", "true");
    await shell.openButton().hover();
    await expect(page.getByRole("tooltip")).toHaveText(`No shell: ${notRunning}.`);
    await shell.openButton().click({ force: true });
    await expect(shell.dialog()).toBeHidden();
  });

  test("/api/exec answers that the container is not running, not that it was not found", async ({ page }) => {
    const pod = await crashLoopingPod();
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}`);
    const answer = await page.evaluate(async ({ namespace, name }) => {
      const url = new URL(`/api/exec?namespace=${namespace}&pod=${name}`, location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      const socket = new WebSocket(url);
      const messages: string[] = [];
      socket.onmessage = (event) => messages.push(String(event.data));
      const code = await new Promise<number>((resolve) => (socket.onclose = (event) => resolve(event.code)));
      return { code, messages };
    }, { namespace: shop, name: pod });
    expect(answer.code).toBe(4409);
    expect(answer.messages.map((m) => JSON.parse(m) as unknown)).toEqual([{ type: "error", status: 409, message: notRunning }]);
  });
});
