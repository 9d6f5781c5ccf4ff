import { describe, expect, test } from "vitest";
import { live, runningReady, type PodSummary } from "./pods";
import { deployment, list } from "./scenario/manifests";
import { suiteFor, type Suite } from "./scenario/suite";
import { parseTable } from "./table";

// What the controllers, scheduler and kubelets make of kubectl's changes: get -w, scale, rollout restart and
// status, delete pod. Tests run in order on this file's web (3 replicas) and cart (2 replicas) Deployments.

async function createWorkloads({ t, ns }: Suite): Promise<void> {
  await t.k.apply(list(
    deployment("web", 3, { namespace: ns, containers: [{ name: "web", image: t.web.image, port: 80 }] }),
    deployment("cart", 2, { namespace: ns, containers: [{ name: "cart", image: t.web.image }] }),
  ));
  await t.k.waitForDeployment("web", ns, 3);
  await t.k.waitForDeployment("cart", ns, 2);
}

const suite = suiteFor("changes", createWorkloads);

const webPods = (expected: string, accept: (live: PodSummary[]) => boolean, timeoutMs?: number) => {
  const { t, ns } = suite();
  return t.k.waitForPods(expected, ns, "app=web", (pods) => accept(live(pods)), timeoutMs).then(live);
};

async function replicaSetNames(): Promise<string[]> {
  const { t, ns } = suite();
  return (await t.k.ok(["get", "rs", "-n", ns, "-l", "app=web", "-o", "jsonpath={.items[*].metadata.name}"])).split(" ").filter(Boolean);
}

describe("kubectl changes a live cluster", () => {
  test("get pods -w prints the list, then a new pod as it goes from Pending to 1/1 Running", async () => {
    const { t, ns } = suite();
    const watcher = t.k.watch(["get", "pods", "-n", ns, "-w"]);
    try {
      const initial = await watcher.waitFor("the initial list", (out) => /^cart-\S+\s+1\/1\s+Running/m.test(out));
      expect(initial.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      const known = new Set(initial.split("\n").map((line) => line.split(/\s+/)[0]));
      const newCart = (out: string) => out.split("\n").filter((line) => line.startsWith("cart-") && !known.has(line.split(/\s+/)[0]));
      await t.k.ok(["scale", "deployment", "cart", "-n", ns, "--replicas", "3"]);
      await watcher.waitFor("a new cart pod, then that pod 1/1 Running", (out) => newCart(out).some((line) => /\s1\/1\s+Running\s/.test(line)), 60_000);
      expect(newCart(watcher.output())[0]).toMatch(/^cart-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+\d+s$/);
    } finally {
      watcher.stop();
    }
  }, 90_000);

  test("scale to 5: five Running and Ready, a ScalingReplicaSet event; then back to 3", async () => {
    const { t, ns } = suite();
    expect(await t.k.ok(["scale", "deployment", "web", "-n", ns, "--replicas", "5"])).toBe("deployment.apps/web scaled\n");
    await webPods("5 Running, Ready web pods", (pods) => pods.length === 5 && pods.every(runningReady));
    await t.k.waitForDeployment("web", ns, 5);
    const described = await t.k.ok(["describe", "deployment", "web", "-n", ns]);
    expect(described).toMatch(/^Replicas:\s+5 desired \| 5 updated \| 5 total \| 5 available \| 0 unavailable$/m);
    expect(described).toMatch(/Normal\s+ScalingReplicaSet\s+.+deployment-controller\s+Scaled up replica set web-[a-z0-9]+ from 3 to 5/);
    expect(await t.k.ok(["scale", "deployment", "web", "-n", ns, "--replicas", "3"])).toBe("deployment.apps/web scaled\n");
    await webPods("3 web pods left after scaling down", (pods) => pods.length === 3 && pods.every(runningReady));
    await t.k.waitForDeployment("web", ns, 3);
    expect(parseTable(await t.k.ok(["get", "deployment", "web", "-n", ns])).rows[0]).toMatchObject({ NAME: "web", READY: "3/3", "UP-TO-DATE": "3", AVAILABLE: "3" });
    expect(await t.k.ok(["describe", "deployment", "web", "-n", ns])).toMatch(/Scaled down replica set web-[a-z0-9]+ from 5 to 3/);
  }, 150_000);

  test("scale refuses a negative count and --current-replicas that does not match", async () => {
    const { t, ns } = suite();
    const negative = await t.k.run(["scale", "deployment", "web", "-n", ns, "--replicas", "-1"]);
    expect(negative.code).not.toBe(0);
    expect(negative.stderr).toContain("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    const stale = await t.k.run(["scale", "deployment", "web", "-n", ns, "--current-replicas", "7", "--replicas", "4"]);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain("Expected replicas to be 7, was 3");
  });

  test("rollout restart: rollout status succeeds, a new ReplicaSet runs new pods, history lists two revisions", async () => {
    const { t, ns } = suite();
    const oldSets = await replicaSetNames();
    const oldPods = new Set(live(await t.k.pods(ns, "app=web")).map((p) => p.name));
    expect(await t.k.ok(["rollout", "restart", "deployment", "web", "-n", ns])).toBe("deployment.apps/web restarted\n");
    const status = await t.k.ok(["rollout", "status", "deployment", "web", "-n", ns, "--timeout", "90s"], { timeoutMs: 100_000 });
    expect(status).toContain('deployment "web" successfully rolled out');
    const sets = await replicaSetNames();
    const created = sets.filter((name) => !oldSets.includes(name));
    expect(created, `ReplicaSets before: ${oldSets.join(", ")}; after: ${sets.join(", ")}`).toHaveLength(1);
    const pods = await webPods(`3 Running, Ready pods of ${created[0]}`, (p) => p.length === 3 && p.every((x) => runningReady(x) && x.ownerName === created[0]), 60_000);
    for (const pod of pods) expect(oldPods, `${pod.name} is new`).not.toContain(pod.name);
    expect(parseTable(await t.k.ok(["get", "rs", created[0]!, "-n", ns])).rows[0]).toMatchObject({ DESIRED: "3", CURRENT: "3", READY: "3" });
    const annotation = await t.k.ok(["get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"]);
    expect(annotation).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    const history = parseTable(await t.k.ok(["rollout", "history", "deployment", "web", "-n", ns]).then((out) => out.replace(/^deployment\.apps\/web\s*\n/, "")));
    expect(history.header).toEqual(["REVISION", "CHANGE-CAUSE"]);
    expect(history.rows.map((r) => r.REVISION)).toEqual(["1", "2"]);
  }, 150_000);

  test("delete pod: kubectl waits until it is gone and the ReplicaSet replaces it", async () => {
    const { t, ns } = suite();
    const victim = live(await t.k.pods(ns, "app=web")).find(runningReady)!;
    expect(await t.k.ok(["delete", "pod", victim.name, "-n", ns], { timeoutMs: 60_000 })).toBe(`pod "${victim.name}" deleted\n`);
    const gone = await t.k.run(["get", "pod", victim.name, "-n", ns]);
    expect(gone.stderr).toContain(`pods "${victim.name}" not found`);
    await webPods(`3 Running, Ready web pods of ${victim.ownerName} without ${victim.name}`, (p) => p.length === 3 && p.every((x) => runningReady(x) && x.name !== victim.name && x.ownerName === victim.ownerName));
  }, 120_000);
});
