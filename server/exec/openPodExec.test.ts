import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { WebSocketServer } from "ws";
import type { Person } from "../auth/person";
import { PersonRequiredError } from "../kube/asPerson";
import type { ClusterConnection } from "../kube/connect";
import { connectToTestServer } from "../kube/testing/fakeConnection";
import { openPodExec } from "./openPodExec";

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  /** Header lines as sent, so repeated headers stay apart. */
  raw: string[];
}

let server: Server;
let connection: ClusterConnection;
let seen: Seen[] = [];
const target = { namespace: "team-a", pod: "web-1", container: "app" };
const bob: Person = { name: "bob", groups: ["team-a", "qa"], via: "session", readOnly: false, bearerToken: "bob-oidc-token" };

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => [...offered][0] ?? false });
  server.on("upgrade", (req, socket, head) => {
    seen.push({ url: req.url ?? "", headers: req.headers, raw: req.rawHeaders });
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(1000));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  connection = connectToTestServer(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  seen = [];
});

const groupsSent = (raw: string[]) => raw.filter((_, i) => raw[i - 1]?.toLowerCase() === "impersonate-group");

describe("openPodExec", () => {
  test("asks for a tty exec of the command in the container, offering v5 then v4", async () => {
    const opened = await openPodExec(connection, bob, target, ["sh", "-c", "echo a b"], "impersonate");
    expect(opened.ok && opened.socket.protocol).toBe("v5.channel.k8s.io");
    expect(seen[0]?.url).toBe("/api/v1/namespaces/team-a/pods/web-1/exec?stdin=true&stdout=true&stderr=true&tty=true&container=app&command=sh&command=-c&command=echo+a+b");
    expect(seen[0]?.headers["sec-websocket-protocol"]).toBe("v5.channel.k8s.io,v4.channel.k8s.io");
    if (opened.ok) opened.socket.terminate();
  });

  test("impersonates the person with Orrery's credentials, one header line per group", async () => {
    await openPodExec(connection, bob, target, ["id"], "impersonate");
    expect(seen[0]?.headers).toMatchObject({ "impersonate-user": "bob", authorization: "Bearer test-token" });
    expect(groupsSent(seen[0]!.raw)).toEqual(["team-a", "qa"]);
  });

  test("token mode sends the person's own token and no impersonation", async () => {
    await openPodExec(connection, bob, target, ["id"], "token");
    expect(seen[0]?.headers.authorization).toBe("Bearer bob-oidc-token");
    expect(seen[0]?.headers["impersonate-user"]).toBeUndefined();
  });

  test("the local person keeps the kubeconfig's identity", async () => {
    await openPodExec(connection, { name: "local", groups: [], via: "local", readOnly: false }, target, ["id"], "impersonate");
    expect(seen[0]?.headers.authorization).toBe("Bearer test-token");
    expect(seen[0]?.headers["impersonate-user"]).toBeUndefined();
  });

  test("an expired login or a token-less person in token mode is refused before any request", async () => {
    await expect(openPodExec(connection, { ...bob, expiresAt: Date.now() - 1 }, target, ["id"], "impersonate")).rejects.toThrow(PersonRequiredError);
    await expect(openPodExec(connection, { ...bob, bearerToken: undefined }, target, ["id"], "token")).rejects.toThrow(/no token for bob/);
    expect(seen).toEqual([]);
  });
});
