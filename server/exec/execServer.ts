import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { containerNotRunning } from "@/lib/k8s/containerNotRunning";
import type { Pod } from "@/lib/k8s/types";
import { ExecCloseCode, maxExecFrameBytes, type ExecServerMessage, type ExecTarget } from "@/lib/wire/exec";
import { accessService } from "../access/accessFor";
import { audit } from "../audit/audit";
import type { Person } from "../auth/person";
import { refuseUpgrade } from "../http/upgradeRouter";
import { SocketQuota, type SocketCaps } from "../http/socketQuota";
import type { UpgradeVerdict } from "../http/upgradeGuard";
import { configuredIdentityMode, connectionFor, IdentityRefusedError, PersonRequiredError, type IdentityMode } from "../kube/asPerson";
import type { ClusterConnection } from "../kube/connect";
import { log } from "../log";
import { execEndEntry, execStartEntry, type AuditWriter } from "./execAudit";
import { parseExecQuery } from "./execQuery";
import { defaultRelayLimits, ExecRelay, type ExecRelayLimits } from "./execRelay";
import { holdFrames } from "./heldFrames";
import { openPodExec, type PodExec } from "./openPodExec";

export interface ExecServerDeps {
  connection: ClusterConnection;
  /** The upgrade guard's hook: login and exact Origin, and tracking the socket so the login's end closes it. */
  authorize: (req: IncomingMessage) => UpgradeVerdict | Promise<UpgradeVerdict>;
  /** Read-only persons (embed tokens) and --read-only mode may not open a shell (default: server/access's rule). */
  isReadOnly?: (person: Person) => boolean;
  /** Default: server/audit's audit() into the data directory. */
  audit?: AuditWriter;
  /** Default: --identity from the running configuration. */
  identityMode?: IdentityMode;
  limits?: Partial<ExecRelayLimits>;
  /** Open shells at most per person and per embed token (default 8 and 2). */
  sockets?: Partial<SocketCaps>;
}

export const defaultExecSocketCaps: SocketCaps = { perPerson: 8, perEmbedToken: 2 };

export interface ExecServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every shell (1001) and stops accepting new ones. */
  close(): Promise<void>;
  sessionCount(): number;
}

// The interactive shell: bash when the image has it, else sh (see ExecRelay).
const shellAttempts = [["bash"], ["sh"]];

function refuse(ws: WebSocket, code: number, message: string, status?: number): void {
  const frame: ExecServerMessage = status === undefined ? { type: "error", message } : { type: "error", message, status };
  ws.send(JSON.stringify(frame));
  ws.close(code, Buffer.from(message).subarray(0, 120).toString("utf8").replace(/\uFFFD$/, ""));
}

/**
 * `/api/exec`: a browser terminal relayed to the apiserver's pods/exec as the person. Close codes: 1000 after
 * `exit`, 4400 bad query or message, 4401 login ended, 4403 read-only or refused by RBAC, 4404 no such pod,
 * 4409 container not running, 4408 idle, 4429 too many shells open for the person, 1011 anything else (with an `error` message first).
 * An empty command opens bash, and sh when
 * bash ends unsuccessfully before printing anything but the container runtime's "executable file not found".
 */
export function createExecServer(deps: ExecServerDeps): ExecServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxExecFrameBytes, perMessageDeflate: false });
  const isReadOnly = deps.isReadOnly ?? ((person: Person) => accessService().isReadOnly(person));
  const writeAudit: AuditWriter = deps.audit ?? ((entry) => audit(entry));
  const limits: ExecRelayLimits = { ...defaultRelayLimits, ...deps.limits };
  const open = new Set<WebSocket>();
  const quota = new SocketQuota({ ...defaultExecSocketCaps, ...deps.sockets }, "shells");
  let closing = false;

  // Audit lines that cannot be written after the fact are logged by audit() itself; nothing to refuse any more.
  const auditLater = (entry: Parameters<AuditWriter>[0]) => void writeAudit(entry).catch(() => undefined);

  async function start(ws: WebSocket, req: IncomingMessage, person: Person): Promise<void> {
    const takeBrowserFrames = holdFrames(ws);
    const parsed = parseExecQuery(new URL(req.url ?? "/", "http://orrery.invalid").searchParams);
    if (!parsed.ok) return refuse(ws, ExecCloseCode.BadRequest, parsed.message);
    const target = parsed.target;
    const mode = deps.identityMode ?? configuredIdentityMode();
    if (isReadOnly(person)) {
      auditLater(execStartEntry(person, target, target.container ?? "", "denied", "read-only login"));
      return refuse(ws, ExecCloseCode.Forbidden, "this login is read-only: it cannot open a shell", 403);
    }
    const pod = await readExecPod(deps.connection, person, target, mode);
    const container = target.container ?? defaultContainerOf(pod);
    // A waiting or terminated container has no process to exec into; the runtime would only say "container not found".
    const notRunning = pod && containerNotRunning(pod, container);
    if (notRunning) {
      auditLater(execStartEntry(person, target, container, "failure", notRunning));
      return refuse(ws, ExecCloseCode.NotRunning, notRunning, 409);
    }
    const attempts = target.command.length > 0 ? [target.command] : shellAttempts;
    const openAttempt = (command: string[]) => openPodExec(deps.connection, person, target, command, mode);
    let first: PodExec;
    try {
      first = await openAttempt(attempts[0]!);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const refused = err instanceof IdentityRefusedError;
      auditLater(execStartEntry(person, target, container, refused ? "denied" : "failure", message));
      if (refused) return refuse(ws, ExecCloseCode.Forbidden, message, 403);
      return refuse(ws, err instanceof PersonRequiredError ? ExecCloseCode.SessionEnded : 1011, message);
    }
    if (!first.ok) {
      const { refusal } = first;
      auditLater(execStartEntry(person, target, container, refusal.status === 401 || refusal.status === 403 ? "denied" : "failure", refusal.message));
      return refuse(ws, refusal.closeCode, refusal.message, refusal.status);
    }
    // The line names the apiserver's answer, so it follows the upgrade: the container has started the command by
    // now, and an exec that cannot be audited is cut off before any keystroke or output passes.
    try {
      await writeAudit(execStartEntry(person, target, container, "success"));
    } catch {
      first.socket.terminate();
      return refuse(ws, 1011, "the audit log cannot be written, so the shell was closed; ask the operator to check Orrery's data directory");
    }
    const fallback = attempts[1] ? { command: attempts[1], open: () => openAttempt(attempts[1]!) } : undefined;
    new ExecRelay(ws, first.socket, takeBrowserFrames(), {
      container,
      command: attempts[0]!,
      fallback,
      limits,
      onEnd: (end) => {
        open.delete(ws);
        log.info({ person: person.name, namespace: target.namespace, pod: target.pod, end }, "exec ended");
        auditLater(execEndEntry(person, target, container, end));
      },
    });
  }

  function accept(req: IncomingMessage, socket: Duplex, head: Buffer, person: Person): void {
    const slot = quota.take(person);
    if (!slot.ok) {
      log.warn({ person: person.name, via: person.via }, "exec refused: too many shells open");
      // The handshake completes so the terminal can show why, as for every other refusal.
      return wss.handleUpgrade(req, socket, head, (ws) => refuse(ws, ExecCloseCode.TooManyShells, slot.message, 429));
    }
    if (socket.destroyed) return slot.release();
    socket.once("close", slot.release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      open.add(ws);
      ws.once("close", () => open.delete(ws));
      start(ws, req, person).catch((err: unknown) => {
        log.error({ err }, "exec failed to start");
        if (ws.readyState === WebSocket.OPEN) refuse(ws, 1011, "the shell could not be started: internal error");
      });
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      if (closing) return refuseUpgrade(socket, 503, "Service Unavailable");
      Promise.resolve(deps.authorize(req))
        .then((verdict) => (verdict.ok ? accept(req, socket, head, verdict.person) : refuseUpgrade(socket, verdict.status, verdict.reason)))
        .catch((err: unknown) => {
          log.error({ err }, "exec upgrade failed");
          refuseUpgrade(socket, 500, "Internal Server Error");
        });
    },
    sessionCount: () => open.size,
    async close() {
      closing = true;
      for (const ws of open) ws.close(1001, "server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The pod as the person may read it, for its default container and its containers' states; undefined when it cannot be read. */
async function readExecPod(connection: ClusterConnection, person: Person, target: ExecTarget, mode: IdentityMode): Promise<Pod | undefined> {
  try {
    const response = await connectionFor(connection, person, mode).request(`/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}`);
    if (response.status !== 200) {
      await response.text();
      return undefined;
    }
    return await response.json<Pod>();
  } catch (err) {
    log.debug({ err }, "exec: the pod could not be read to name its default container");
    return undefined;
  }
}

/** The container the apiserver will pick when none is named: the default-container annotation, else the first. */
function defaultContainerOf(pod: Pod | undefined): string {
  return pod?.metadata?.annotations?.["kubectl.kubernetes.io/default-container"] ?? pod?.spec?.containers?.[0]?.name ?? "";
}
