import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { WebSocketServer } from "ws";
import { connectFromKubeconfig, connectInCluster, connectWithKubeconfigYaml, KubeconfigError } from "./connect";
import { KubeConnectionError } from "./errors";
import { makeTlsFixtures, type TlsFixtures } from "./testing/tlsFixtures";

interface Seen {
  url: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  clientCN?: string;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "orrery-connect-"));
let seen: Seen[] = [];
let plain: http.Server;
let secure: https.Server;
let tls: TlsFixtures;
let plainUrl = "";
let secureUrl = "";

function record(req: http.IncomingMessage, res: http.ServerResponse): void {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    seen.push({ url: req.url ?? "", method: req.method ?? "", headers: req.headers, body, clientCN: peer?.subject?.CN?.toString() });
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ kind: "PodList", items: [] }));
  });
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes a kubeconfig (JSON is valid YAML) with one context per entry; the first is current. */
function writeKubeconfig(name: string, contexts: { name: string; server: string; user: Record<string, unknown>; cluster?: Record<string, unknown> }[], current = contexts[0]?.name): string {
  const file = path.join(dir, name);
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: contexts.map((c) => ({ name: `${c.name}-cluster`, cluster: { server: c.server, ...c.cluster } })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: c.user })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: `${c.name}-cluster`, user: `${c.name}-user` } })),
    ...(current ? { "current-context": current } : {}),
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

beforeAll(async () => {
  tls = makeTlsFixtures();
  plain = http.createServer(record);
  secure = https.createServer({ key: tls.serverKey, cert: tls.serverCert, ca: tls.caCert, requestCert: true, rejectUnauthorized: false }, record);
  plainUrl = `http://127.0.0.1:${await listen(plain)}`;
  secureUrl = `https://127.0.0.1:${await listen(secure)}`;
  // Upgrades: /forbidden answers a Status like the apiserver's RBAC refusal; anything else echoes who asked.
  const sockets = new WebSocketServer({ noServer: true, handleProtocols: (offered) => [...offered].find((p) => p === "v4.channel.k8s.io") ?? false });
  secure.on("upgrade", (req: http.IncomingMessage, socket, head: Buffer) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    seen.push({ url: req.url ?? "", method: req.method ?? "", headers: req.headers, body: req.rawHeaders.join("\n"), clientCN: peer?.subject?.CN?.toString() });
    if (req.url === "/forbidden") return void socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\r\n{"kind":"Status","code":403}');
    sockets.handleUpgrade(req, socket, head, (ws) => ws.send("hello"));
  });
});

afterAll(async () => {
  for (const server of [plain, secure]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

afterEach(() => {
  seen = [];
});

describe("connectFromKubeconfig", () => {
  test("names the missing file and how to fix it", () => {
    expect(() => connectFromKubeconfig({ path: "/nonexistent/kubeconfig" })).toThrow(
      "kubeconfig file not found: /nonexistent/kubeconfig (--kubeconfig); pass --kubeconfig <path>, set KUBECONFIG, or use --demo",
    );
  });

  test("names every KUBECONFIG entry when none exists", () => {
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = ["/nope/a", "/nope/b"].join(path.delimiter);
    try {
      expect(() => connectFromKubeconfig()).toThrow(/kubeconfig file not found: \/nope\/a, \/nope\/b \(KUBECONFIG\)/);
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  test("lists the known contexts when the asked one is unknown", () => {
    const file = writeKubeconfig("two-contexts", [
      { name: "prod", server: plainUrl, user: { token: "t" } },
      { name: "staging", server: plainUrl, user: { token: "t" } },
    ]);
    expect(() => connectFromKubeconfig({ path: file, context: "dev" })).toThrow(KubeconfigError);
    expect(() => connectFromKubeconfig({ path: file, context: "dev" })).toThrow(`context "dev" not found in ${file}; known contexts: prod, staging`);
    expect(connectFromKubeconfig({ path: file, context: "staging" }).contextName).toBe("staging");
  });

  test("asks for --context when the file has no current-context", () => {
    const file = writeKubeconfig("no-current", [{ name: "only", server: plainUrl, user: {} }], "");
    expect(() => connectFromKubeconfig({ path: file })).toThrow(/has no current-context; pass --context \(known contexts: only\)/);
  });

  test("merges the KUBECONFIG files, the first one's current-context winning", () => {
    const first = writeKubeconfig("first", [{ name: "one", server: plainUrl, user: { token: "a" } }]);
    const second = writeKubeconfig("second", [{ name: "two", server: secureUrl, user: { token: "b" } }]);
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = [first, "/missing/ignored", second].join(path.delimiter);
    try {
      expect(connectFromKubeconfig().contextName).toBe("one");
      const other = connectFromKubeconfig({ context: "two" });
      expect(other.server).toBe(secureUrl);
      expect(other.source).toBe("kubeconfig");
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });
});

describe("ClusterConnection.request", () => {
  test("sends the bearer token over plain http and posts JSON bodies", async () => {
    const file = writeKubeconfig("bearer", [{ name: "c", server: plainUrl, user: { token: "s3cret" } }]);
    const connection = connectFromKubeconfig({ path: file });
    const response = await connection.request("/api/v1/pods", { method: "POST", body: { a: 1 }, headers: { "Impersonate-User": "alice" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "PodList", items: [] });
    expect(seen[0]?.headers.authorization).toBe("Bearer s3cret");
    expect(seen[0]?.headers["impersonate-user"]).toBe("alice");
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(seen[0]?.headers["user-agent"]).toMatch(/^orrery\//);
    expect(seen[0]?.body).toBe('{"a":1}');
  });

  test("sends basic credentials", async () => {
    const file = writeKubeconfig("basic", [{ name: "c", server: plainUrl, user: { username: "admin", password: "pw" } }]);
    await (await connectFromKubeconfig({ path: file }).request("/api")).text();
    expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from("admin:pw").toString("base64")}`);
  });

  test("runs an exec credential plugin for its token", async () => {
    const credential = { apiVersion: "client.authentication.k8s.io/v1beta1", kind: "ExecCredential", status: { token: "from-exec" } };
    const exec = { apiVersion: "client.authentication.k8s.io/v1beta1", command: process.execPath, args: ["-e", `console.log(${JSON.stringify(JSON.stringify(credential))})`] };
    const file = writeKubeconfig("exec", [{ name: "c", server: plainUrl, user: { exec } }]);
    await (await connectFromKubeconfig({ path: file }).request("/api")).text();
    expect(seen[0]?.headers.authorization).toBe("Bearer from-exec");
  });

  test("names the server when an exec credential plugin fails", async () => {
    const exec = { apiVersion: "client.authentication.k8s.io/v1beta1", command: process.execPath, args: ["-e", "process.stderr.write('token expired'); process.exit(3)"] };
    const file = writeKubeconfig("exec-broken", [{ name: "c", server: plainUrl, user: { exec } }]);
    await expect(connectFromKubeconfig({ path: file }).request("/api")).rejects.toThrow(new RegExp(`^getting credentials for the apiserver at ${plainUrl} failed: `));
    expect(seen).toEqual([]);
  });

  test("keeps a server path prefix (e.g. behind Rancher) in front of API paths", async () => {
    const file = writeKubeconfig("prefix", [{ name: "c", server: `${plainUrl}/k8s/clusters/c-1`, user: {} }]);
    await (await connectFromKubeconfig({ path: file }).request("/api/v1/pods?limit=1")).text();
    expect(seen[0]?.url).toBe("/k8s/clusters/c-1/api/v1/pods?limit=1");
  });

  test("verifies the server with the kubeconfig's CA and presents the client certificate", async () => {
    const b64 = (pem: string) => Buffer.from(pem).toString("base64");
    const file = writeKubeconfig("mtls", [{
      name: "c",
      server: secureUrl,
      cluster: { "certificate-authority-data": b64(tls.caCert) },
      user: { "client-certificate-data": b64(tls.clientCert), "client-key-data": b64(tls.clientKey) },
    }]);
    const response = await connectFromKubeconfig({ path: file }).request("/version");
    expect(response.status).toBe(200);
    await response.text();
    expect(seen[0]?.clientCN).toBe("alice");
  });

  test("fails with a TLS error naming the server when the CA is unknown", async () => {
    const file = writeKubeconfig("no-ca", [{ name: "c", server: secureUrl, user: { token: "t" } }]);
    const failure = connectFromKubeconfig({ path: file }).request("/version");
    await expect(failure).rejects.toBeInstanceOf(KubeConnectionError);
    await expect(failure).rejects.toThrow(new RegExp(`^TLS with the apiserver at ${secureUrl} failed: .*certificate`));
  });

  test("says the connection was refused and where", async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const file = writeKubeconfig("closed", [{ name: "c", server: `http://127.0.0.1:${port}`, user: {} }]);
    await expect(connectFromKubeconfig({ path: file }).request("/api")).rejects.toThrow(
      `cannot reach the apiserver at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
  });
});

describe("openWebSocket", () => {
  const b64 = (pem: string) => Buffer.from(pem).toString("base64");
  const mtls = () => writeKubeconfig("ws-mtls", [{
    name: "c",
    server: secureUrl,
    cluster: { "certificate-authority-data": b64(tls.caCert) },
    user: { "client-certificate-data": b64(tls.clientCert), "client-key-data": b64(tls.clientKey) },
  }]);

  test("upgrades with the kubeconfig's CA and client certificate, offering the protocols in order", async () => {
    const opened = await connectFromKubeconfig({ path: mtls() }).openWebSocket("/api/v1/namespaces/a/pods/p/exec?command=ls", {
      protocols: ["v5.channel.k8s.io", "v4.channel.k8s.io"],
      headers: { "Impersonate-User": "bob", "Impersonate-Group": ["team-a", "qa"] },
    });
    if (!opened.ok) throw new Error(`refused ${opened.status}`);
    // The server's first frame waits until the caller resumes the socket.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = new Promise<string>((resolve) => opened.socket.once("message", (data: Buffer) => resolve(data.toString())));
    opened.socket.resume();
    expect(await first).toBe("hello");
    opened.socket.close();
    expect(opened.socket.protocol).toBe("v4.channel.k8s.io");
    expect(seen[0]).toMatchObject({ url: "/api/v1/namespaces/a/pods/p/exec?command=ls", clientCN: "alice" });
    expect(seen[0]?.headers["sec-websocket-protocol"]).toBe("v5.channel.k8s.io,v4.channel.k8s.io");
    // Each group on its own header line, as kubectl and `request` send them.
    expect(seen[0]?.body).toContain("Impersonate-Group\nteam-a\nImpersonate-Group\nqa");
  });

  test("answers the apiserver's refusal of the upgrade with its status and body", async () => {
    const refused = await connectFromKubeconfig({ path: mtls() }).openWebSocket("/forbidden");
    expect(refused).toEqual({ ok: false, status: 403, body: '{"kind":"Status","code":403}' });
  });

  test("rejects with a connection error naming the server when nothing listens", async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const file = writeKubeconfig("ws-closed", [{ name: "c", server: `http://127.0.0.1:${port}`, user: { token: "t" } }]);
    await expect(connectFromKubeconfig({ path: file }).openWebSocket("/x")).rejects.toThrow(`cannot reach the apiserver at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
  });
});

describe("other sources", () => {
  test("connectWithKubeconfigYaml reads an in-memory kubeconfig and rejects a broken one", () => {
    const yaml = `apiVersion: v1\nclusters:\n- name: demo\n  cluster:\n    server: ${plainUrl}\nusers:\n- name: demo\n  user:\n    token: x\ncontexts:\n- name: demo\n  context:\n    cluster: demo\n    user: demo\ncurrent-context: demo\n`;
    const connection = connectWithKubeconfigYaml(yaml, "demo");
    expect(connection).toMatchObject({ server: plainUrl, source: "demo", contextName: "demo" });
    expect(() => connectWithKubeconfigYaml("clusters: [unclosed", "demo")).toThrow(/cannot parse the demo kubeconfig/);
  });

  test("connectInCluster sends the pod's token and trusts the pod's CA, both read below the given root", async () => {
    const root = path.join(dir, "pod-root");
    const accountDir = path.join(root, "var", "run", "secrets", "kubernetes.io", "serviceaccount");
    mkdirSync(accountDir, { recursive: true });
    writeFileSync(path.join(accountDir, "token"), "pod-token");
    writeFileSync(path.join(accountDir, "ca.crt"), tls.caCert);
    const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
    process.env.KUBERNETES_SERVICE_HOST = "127.0.0.1";
    process.env.KUBERNETES_SERVICE_PORT = new URL(secureUrl).port;
    try {
      const connection = connectInCluster(root);
      expect(connection).toMatchObject({ server: secureUrl, source: "in-cluster" });
      expect((await connection.request("/api")).status).toBe(200);
      expect(seen[0]?.headers.authorization).toBe("Bearer pod-token");
    } finally {
      for (const [name, value] of [["KUBERNETES_SERVICE_HOST", saved.host], ["KUBERNETES_SERVICE_PORT", saved.port]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test("connectInCluster explains that it is not inside a cluster", () => {
    const saved = process.env.KUBERNETES_SERVICE_HOST;
    delete process.env.KUBERNETES_SERVICE_HOST;
    try {
      expect(() => connectInCluster()).toThrow(/not running inside a cluster: KUBERNETES_SERVICE_HOST/);
    } finally {
      if (saved !== undefined) process.env.KUBERNETES_SERVICE_HOST = saved;
    }
  });
});
