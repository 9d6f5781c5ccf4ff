import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { log } from "@/server/log";
import type { RequestContext, RouteRegistry } from "../http/types";
import { StatusError } from "../logs/statusError";
import type { ObjectStore } from "../store";
import { runAttachSession } from "./attachSession";
import { ChannelConnection } from "./channelConnection";
import { negotiateProtocol, parseProtocolHeader, supportedProtocols } from "./channels";
import type { StreamKind } from "./execQuery";
import { defaultSessionLimits, runExecSession, type SessionLimits } from "./execSession";
import { rejectUpgrade } from "./rejectUpgrade";
import { resolveStreamTarget } from "./streamTarget";

export interface ExecDeps {
  store: ObjectStore;
  /** Idle and lifetime limits of exec sessions; defaults suit a public demo. */
  limits?: Partial<SessionLimits>;
}

/** Largest message a client may send (stdin frames, resize); bigger ones close the socket. */
export const maxClientFrameBytes = 1024 * 1024;

/** Serves pods/exec and pods/attach as websockets speaking v5.channel.k8s.io or v4.channel.k8s.io. */
export function registerExecRoutes(routes: RouteRegistry, deps: ExecDeps): void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxClientFrameBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => negotiateProtocol(offered) ?? false,
  });
  for (const kind of ["exec", "attach"] as const) {
    routes.upgrade(`/api/v1/namespaces/:namespace/pods/:name/${kind}`, (req, socket, head, ctx) => upgrade(kind, wss, deps, req, socket, head, ctx));
  }
}

function upgrade(kind: StreamKind, wss: WebSocketServer, deps: ExecDeps, req: IncomingMessage, socket: Duplex, head: Buffer, ctx: RequestContext): void {
  try {
    const target = resolveStreamTarget(deps.store, kind, ctx.params.namespace ?? "", ctx.params.name ?? "", ctx.url.searchParams);
    if (req.headers.upgrade?.toLowerCase() !== "websocket") {
      throw new StatusError(400, "BadRequest", `the demo cluster streams ${kind} over websockets only (${supportedProtocols.join(", ")}), not ${req.headers.upgrade ?? "plain HTTP"}`);
    }
    const offered = parseProtocolHeader(req.headers["sec-websocket-protocol"]);
    const protocol = negotiateProtocol(offered);
    if (!protocol) {
      throw new StatusError(403, "Forbidden", `requested protocol(s) are not supported: [${offered.join(" ")}]; supports [${supportedProtocols.join(" ")}]`);
    }
    // kubectl upgrades with GET; other clients POST, which ws refuses, so present it as GET.
    if (req.method === "POST") req.method = "GET";
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new ChannelConnection(ws, protocol);
      const { name, namespace } = target.pod.metadata;
      log.info({ user: ctx.user, kind, namespace, pod: name, container: target.containerName, command: target.query.command, protocol }, `pod ${kind} started`);
      const session = kind === "exec" ? runExecSession(conn, target, deps.store, { ...defaultSessionLimits, ...deps.limits }) : runAttachSession(conn, target, deps.store);
      session.catch((error: unknown) => {
        log.error({ err: error, kind, pod: name }, `pod ${kind} failed`);
        conn.terminate();
      });
    });
  } catch (error) {
    if (error instanceof StatusError) return rejectUpgrade(socket, error);
    log.error({ err: error, kind }, `pod ${kind} upgrade failed`);
    rejectUpgrade(socket, new StatusError(500, "InternalError", "an error on the server prevented the stream from starting"));
  }
}
