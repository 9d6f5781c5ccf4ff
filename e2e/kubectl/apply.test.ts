import { describe, expect, test } from "vitest";
import { pollUntil } from "./poll";
import { live, runningReady } from "./pods";
import { cronJob, list } from "./scenario/manifests";
import { suiteFor, type Suite } from "./scenario/suite";
import { parseTable } from "./table";

// create, apply and delete: from files (the pods come and go with the Deployment), kubectl's generators
// (namespace, configmap, deployment, job --from=cronjob), and the errors a real apiserver gives.

async function createCronJob({ t, ns }: Suite): Promise<void> {
  await t.k.apply(list(cronJob("report", "*/30 * * * *", { namespace: ns, containers: [{ name: "report", image: t.sidecar.image }] })));
}

const suite = suiteFor("apply", createCronJob);

const manifest = (namespace: string, image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: hello, namespace: ${namespace}, labels: {app: hello}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers:
      - {name: web, image: "${image}", env: [{name: MODE, value: test}], resources: {requests: {cpu: 50m, memory: 32Mi}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: hello-config, namespace: ${namespace}}
data: {level: info}
`;

describe("kubectl create/apply/delete -f", () => {
  test("create -f, create again (AlreadyExists), apply adopts with a warning, apply changes, apply unchanged, delete -f", async () => {
    const { t, ns } = suite();
    const helloPods = (n: number) => t.k.waitForPods(`${n} Running, Ready hello pods`, ns, "app=hello", (p) => live(p).length === n && live(p).every(runningReady));
    const file = await t.k.writeFile(`${ns}-hello.yaml`, manifest(ns, t.web.image, 2));
    expect(await t.k.ok(["create", "-f", file])).toBe("deployment.apps/hello created\nconfigmap/hello-config created\n");
    await helloPods(2);
    const duplicate = await t.k.run(["create", "-f", file]);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('Error from server (AlreadyExists): error when creating "' + file + '": deployments.apps "hello" already exists');
    // An object made by plain create has no last-applied annotation: apply patches it in and says so.
    const adopt = await t.k.run(["apply", "-f", file]);
    expect(adopt.stdout).toBe("deployment.apps/hello configured\nconfigmap/hello-config configured\n");
    expect(adopt.stderr).toContain("Warning: resource deployments/hello is missing the kubectl.kubernetes.io/last-applied-configuration annotation");
    await t.k.writeFile(`${ns}-hello.yaml`, manifest(ns, t.web.image, 3));
    expect(await t.k.ok(["apply", "-f", file])).toBe("deployment.apps/hello configured\nconfigmap/hello-config unchanged\n");
    await helloPods(3);
    expect(await t.k.ok(["apply", "-f", file])).toBe("deployment.apps/hello unchanged\nconfigmap/hello-config unchanged\n");
    const stored = await t.k.json<{ spec: { template: { spec: { containers: { env: unknown[] }[] } } }; metadata: { annotations: Record<string, string> } }>(["get", "deployment", "hello", "-n", ns]);
    expect(stored.spec.template.spec.containers[0]!.env).toEqual([{ name: "MODE", value: "test" }]);
    expect(JSON.parse(stored.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]!)).toMatchObject({ spec: { replicas: 3 } });
    expect(await t.k.ok(["delete", "-f", file], { timeoutMs: 60_000 })).toBe('deployment.apps "hello" deleted\nconfigmap "hello-config" deleted\n');
    await t.k.waitForPods("no hello pods left", ns, "app=hello", (p) => p.length === 0, 60_000);
    const leftovers = await t.k.run(["get", "deployments,replicasets,pods", "-n", ns, "-l", "app=hello"]);
    expect(leftovers.stderr.trim()).toBe(`No resources found in ${ns} namespace.`);
  }, 180_000);

  test("apply --dry-run=server validates without storing; an invalid object is refused with the field", async () => {
    const { t, ns } = suite();
    const file = await t.k.writeFile(`${ns}-dry.yaml`, manifest(ns, t.web.image, 1).replace(/name: hello\b/g, "name: dry"));
    expect(await t.k.ok(["apply", "--dry-run=server", "-f", file])).toBe("deployment.apps/dry created (server dry run)\nconfigmap/dry-config created (server dry run)\n");
    expect((await t.k.run(["get", "deployment", "dry", "-n", ns])).stderr).toContain('deployments.apps "dry" not found');
    const invalid = await t.k.run(["create", "-f", "-"], { stdin: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Not_Valid", namespace: ns } }) });
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toContain('ConfigMap "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid"');
  });
});

describe("kubectl create generators", () => {
  test("create configmap and deployment", async () => {
    const { t, ns } = suite();
    expect(await t.k.ok(["create", "configmap", "flags", "-n", ns, "--from-literal=beta=true", "--from-literal=level=debug"])).toBe("configmap/flags created\n");
    expect(await t.k.json<{ data: Record<string, string> }>(["get", "configmap", "flags", "-n", ns]).then((c) => c.data)).toEqual({ beta: "true", level: "debug" });
    expect(await t.k.ok(["create", "deployment", "gen", "-n", ns, "--image", t.web.image, "--replicas", "2", "--port", "8080"])).toBe("deployment.apps/gen created\n");
    await t.k.waitForDeployment("gen", ns, 2);
    // kubectl names the container after the image: registry.k8s.io/pause:3.10 → pause.
    const containerName = t.web.image.replace(/:[^/]*$/, "").split("/").at(-1);
    expect(parseTable(await t.k.ok(["get", "deployment", "gen", "-n", ns, "-o", "wide"])).rows[0]).toMatchObject({ READY: "2/2", CONTAINERS: containerName, IMAGES: t.web.image, SELECTOR: "app=gen" });
  }, 120_000);

  test("create job --from=cronjob: the job completes and records its CronJob", async () => {
    const { t, ns } = suite();
    expect(await t.k.ok(["create", "job", "--from=cronjob/report", "-n", ns, "manual-1"])).toBe("job.batch/manual-1 created\n");
    await pollUntil("job manual-1 Complete 1/1", async () => {
      const row = parseTable(await t.k.ok(["get", "job", "manual-1", "-n", ns])).rows[0];
      return { value: row?.STATUS === "Complete" && row.COMPLETIONS === "1/1" ? row : undefined, seen: JSON.stringify(row) };
    });
    expect((await t.k.pods(ns, "job-name=manual-1")).map((p) => p.phase)).toEqual(["Succeeded"]);
    const owner = "{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}";
    expect(await t.k.ok(["get", "job", "manual-1", "-n", ns, "-o", `jsonpath=${owner}`])).toBe("manual CronJob/report");
  }, 120_000);
});
