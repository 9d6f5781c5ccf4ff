import { CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServingCert } from "./http/selfSignedCert";
import { pod } from "./http/testing/fixtures";
import { renderKubeconfig } from "./kubeconfig";
import { createDemoApiServer, type DemoApiServer } from "./server";
import { ObjectStore } from "./store";
import { seedSystemObjects } from "./systemObjects";

const store = new ObjectStore();
let server: DemoApiServer;
let kubeconfig: string;

beforeAll(async () => {
  seedSystemObjects(store);
  store.create("pods", pod("web-1"));
  const tls = createServingCert(["127.0.0.1"]);
  server = createDemoApiServer({ store, token: "client-node-token", tls });
  kubeconfig = renderKubeconfig(await server.listen(0, "127.0.0.1"), "client-node-token", tls.certPem);
});

afterAll(() => server.close());

describe("renderKubeconfig", () => {
  test("names cluster, context and user orrery-demo and trusts the server's certificate", () => {
    const config = load(kubeconfig) as { "current-context": string; clusters: { name: string; cluster: Record<string, string> }[]; users: { user: { token: string } }[] };
    expect(config["current-context"]).toBe("orrery-demo");
    expect(config.clusters[0]!.name).toBe("orrery-demo");
    expect(config.clusters[0]!.cluster.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(config.clusters[0]!.cluster["certificate-authority-data"]!, "base64").toString()).toContain("BEGIN CERTIFICATE");
    expect(config.users[0]!.user.token).toBe("client-node-token");
  });

  test("@kubernetes/client-node lists and watches through it", async () => {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: "default" });
    expect(pods.items.map((p) => p.metadata?.name)).toEqual(["web-1"]);
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      void new Watch(kc).watch("/api/v1/namespaces/default/pods", { resourceVersion: pods.metadata?.resourceVersion }, (type, object: { metadata: { name: string } }) => {
        seen.push(`${type} ${object.metadata.name}`);
        if (seen.length === 1) resolve();
      }, () => undefined).then((controller) => done.finally(() => controller.abort()));
    });
    store.create("pods", pod("web-2"));
    await done;
    expect(seen).toEqual(["ADDED web-2"]);
  });
});
