import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Person } from "@/server/auth/person";
import { connectionFor, IdentityRefusedError, identityHeaders, PersonRequiredError, refusedIdentityReason, reviewSubject, upgradeIdentity } from "./asPerson";
import { connectWithKubeconfigYaml, type ClusterConnection } from "./connect";
import { makeTlsFixtures, type TlsFixtures } from "./testing/tlsFixtures";

interface Seen {
  /** Header lines as sent, names lower-cased, repeated headers kept apart. */
  lines: [string, string][];
  clientCN?: string;
}

const seen: Seen[] = [];
let plain: http.Server;
let secure: https.Server;
let tls: TlsFixtures;

function record(req: http.IncomingMessage, res: http.ServerResponse): void {
  const lines: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
  const peer = (req.socket as TLSSocket).getPeerCertificate?.();
  seen.push({ lines, clientCN: peer && "subject" in peer ? (peer.subject?.CN as string | undefined) : undefined });
  res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
}

const values = (s: Seen | undefined, name: string) => (s?.lines ?? []).filter(([n]) => n === name).map(([, v]) => v);
const urlOf = (server: http.Server) => `${server instanceof https.Server ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;

function tokenKubeconfig(url: string): string {
  return `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${url}\nusers:\n- name: orrery\n  user:\n    token: orrery-token\ncontexts:\n- name: c\n  context: {cluster: c, user: orrery}\ncurrent-context: c\n`;
}

function certKubeconfig(url: string): string {
  const b64 = (pem: string) => Buffer.from(pem).toString("base64");
  return [
    "apiVersion: v1", "kind: Config",
    `clusters:\n- name: c\n  cluster:\n    server: ${url}\n    certificate-authority-data: ${b64(tls.caCert)}`,
    `users:\n- name: orrery\n  user:\n    client-certificate-data: ${b64(tls.clientCert)}\n    client-key-data: ${b64(tls.clientKey)}`,
    "contexts:\n- name: c\n  context: {cluster: c, user: orrery}", "current-context: c", "",
  ].join("\n");
}

const person = (extra: Partial<Person> = {}): Person => ({ name: "dev", groups: ["team-a", "qa"], via: "session", readOnly: false, ...extra });

let base: ClusterConnection;

beforeAll(async () => {
  tls = makeTlsFixtures();
  plain = http.createServer(record);
  secure = https.createServer({ key: tls.serverKey, cert: tls.serverCert, ca: tls.caCert, requestCert: true, rejectUnauthorized: false }, record);
  await Promise.all([plain, secure].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
  base = connectWithKubeconfigYaml(tokenKubeconfig(urlOf(plain)), "demo");
});

afterAll(async () => {
  await Promise.all([plain, secure].map((server) => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); })));
});

beforeEach(() => {
  seen.length = 0;
});

describe("connectionFor", () => {
  test("impersonates the person: one Impersonate-User, one Impersonate-Group line per group, Orrery's token", async () => {
    await (await connectionFor(base, person(), "impersonate").request("/api/v1/pods")).text();
    expect(values(seen[0], "impersonate-user")).toEqual(["dev"]);
    expect(values(seen[0], "impersonate-group")).toEqual(["team-a", "qa"]);
    expect(values(seen[0], "authorization")).toEqual(["Bearer orrery-token"]);
  });

  test("a person without groups sends no Impersonate-Group", async () => {
    await (await connectionFor(base, person({ groups: [] }), "impersonate").request("/api")).text();
    expect(values(seen[0], "impersonate-user")).toEqual(["dev"]);
    expect(values(seen[0], "impersonate-group")).toEqual([]);
  });

  test("identity headers given by the caller cannot replace the person's", async () => {
    const connection = connectionFor(base, person(), "impersonate");
    await (await connection.request("/api", { headers: { "impersonate-user": "admin", "Impersonate-Group": "system:masters", Authorization: "Bearer stolen", Accept: "text/plain" } })).text();
    expect(values(seen[0], "impersonate-user")).toEqual(["dev"]);
    expect(values(seen[0], "impersonate-group")).toEqual(["team-a", "qa"]);
    expect(values(seen[0], "authorization")).toEqual(["Bearer orrery-token"]);
    expect(values(seen[0], "accept")).toEqual(["text/plain"]);
  });

  test("token mode sends the person's token and none of Orrery's credentials, not even its client certificate", async () => {
    const withCert = connectWithKubeconfigYaml(certKubeconfig(urlOf(secure)), "demo");
    await (await withCert.request("/api")).text();
    expect(seen[0]?.clientCN).toBe("alice");
    await (await connectionFor(withCert, person({ bearerToken: "oidc-id-token" }), "token").request("/api")).text();
    expect(values(seen[1], "authorization")).toEqual(["Bearer oidc-id-token"]);
    expect(values(seen[1], "impersonate-user")).toEqual([]);
    expect(seen[1]?.clientCN).toBeUndefined();
  });

  test("a local person keeps the kubeconfig identity and cannot add impersonation", async () => {
    const local: Person = { name: "local", groups: [], via: "local", readOnly: false };
    await (await connectionFor(base, local, "impersonate").request("/api", { headers: { "Impersonate-User": "someone" } })).text();
    expect(values(seen[0], "authorization")).toEqual(["Bearer orrery-token"]);
    expect(values(seen[0], "impersonate-user")).toEqual([]);
  });

  test("an embed token of the local person keeps the kubeconfig identity; one of a signed-in person is impersonated", async () => {
    const embedOfLocal: Person = { name: "local", groups: [], via: "embed", readOnly: true, scope: "/pods", madeByLocal: true };
    await (await connectionFor(base, embedOfLocal, "impersonate").request("/api")).text();
    expect(values(seen[0], "impersonate-user")).toEqual([]);
    // A token whose record does not say it was the local person's is impersonated like anyone, even if named "local".
    await (await connectionFor(base, { ...embedOfLocal, madeByLocal: undefined }, "impersonate").request("/api")).text();
    expect(values(seen[1], "impersonate-user")).toEqual(["local"]);
  });

  test("never falls back to Orrery's identity: no person, no name, no token, or an expired login is refused", async () => {
    expect(() => connectionFor(base, null, "impersonate")).toThrow(PersonRequiredError);
    expect(() => connectionFor(base, person({ name: " " }), "impersonate")).toThrow(/no user name/);
    expect(() => connectionFor(base, person(), "token")).toThrow(/token pass-through needs an OIDC login/);
    const expired = connectionFor(base, person({ expiresAt: Date.now() - 1 }), "impersonate");
    await expect(expired.request("/api")).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/expired/) });
    expect(seen).toEqual([]);
  });

  test("identityHeaders drops empty group names", () => {
    expect(identityHeaders(person({ groups: ["", "ops"] }), "impersonate")).toEqual({ "Impersonate-User": "dev", "Impersonate-Group": ["ops"] });
  });

  test("refuses, with a 403, to act as a reserved system: user or group whatever the login says; nothing is sent", async () => {
    const masters = person({ groups: ["team-a", "system:masters"] });
    for (const mode of ["impersonate", "token"] as const) {
      expect(() => connectionFor(base, { ...masters, bearerToken: "t" }, mode)).toThrow(IdentityRefusedError);
    }
    expect(() => connectionFor(base, masters, "impersonate")).toThrow(/Orrery does not act as the Kubernetes group "system:masters"/);
    expect(() => connectionFor(base, person({ name: "system:admin", groups: [] }), "impersonate")).toThrow(/user "system:admin"/);
    expect(() => connectionFor(base, person({ name: "system:serviceaccount:kube-system:default" }), "impersonate")).toThrow(IdentityRefusedError);
    // The apiserver trims header values, and no case variant slips through either.
    expect(() => connectionFor(base, person({ groups: [" system:masters"] }), "impersonate")).toThrow(IdentityRefusedError);
    expect(() => connectionFor(base, person({ groups: ["System:Nodes"] }), "impersonate")).toThrow(IdentityRefusedError);
    expect(() => connectionFor(base, masters, "impersonate")).toThrow(expect.objectContaining({ status: 403, code: "forbidden" }));
    expect(() => upgradeIdentity(masters, "impersonate")).toThrow(IdentityRefusedError);
    expect(() => reviewSubject(masters)).toThrow(IdentityRefusedError);
    expect(seen).toEqual([]);
  });

  test("system:authenticated is the one system: group that may pass", async () => {
    await (await connectionFor(base, person({ groups: ["system:authenticated", "qa"] }), "impersonate").request("/api")).text();
    expect(values(seen[0], "impersonate-group")).toEqual(["system:authenticated", "qa"]);
    expect(reviewSubject(person({ groups: ["qa"] }))).toEqual({ user: "dev", groups: ["qa", "system:authenticated"] });
    expect(refusedIdentityReason("dev", ["system:authenticated", "systems:x", "team:system:masters"])).toBeUndefined();
  });

  test("the local person keeps the kubeconfig identity: no name of its own is judged", () => {
    expect(upgradeIdentity({ name: "system:admin", groups: ["system:masters"], via: "local", readOnly: false }, "impersonate")).toEqual({ credentials: "kubeconfig" });
  });
});
