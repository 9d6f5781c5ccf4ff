import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Person } from "../auth/person";
import { log } from "../log";
import type { OriginPolicy } from "./originPolicy";
import { headerOf } from "./requestHeaders";
import type { SocketSessions } from "./socketSessions";
import type { UpgradeHandler } from "./upgradeRouter";

/** What an upgrade's authorization decides: the person the socket serves, or the HTTP refusal. */
export type UpgradeVerdict = { ok: true; person: Person } | { ok: false; status: 401 | 403; reason: string };

export interface UpgradeGuardDeps {
  authenticate: (req: IncomingMessage) => Promise<Person | null>;
  originPolicy: () => OriginPolicy;
  sessions: SocketSessions;
}

/**
 * Login and exact Origin checks for websocket upgrades, run before any handshake. `protect` wraps a route
 * of the upgrade router; `authorize` is the socket server's hook. A socket that passes is tracked so it
 * closes when its login ends or expires.
 */
export function createUpgradeGuard(deps: UpgradeGuardDeps) {
  const sockets = new WeakMap<IncomingMessage, Duplex>();

  async function authorize(req: IncomingMessage): Promise<UpgradeVerdict> {
    const origin = deps.originPolicy().check(headerOf(req, "origin"), headerOf(req, "host"));
    if (!origin.ok) {
      log.warn({ path: req.url?.split("?")[0], origin: headerOf(req, "origin") }, "websocket refused: origin not allowed");
      return { ok: false, status: 403, reason: "Forbidden" };
    }
    const person = await deps.authenticate(req);
    if (!person) return { ok: false, status: 401, reason: "Unauthorized" };
    const socket = sockets.get(req);
    if (socket) deps.sessions.track(person, socket);
    return { ok: true, person };
  }

  function protect(handler: UpgradeHandler): UpgradeHandler {
    return (req, socket, head) => {
      sockets.set(req, socket);
      handler(req, socket, head);
    };
  }

  return { authorize, protect };
}
