import type { WebSocket } from "ws";
import type { ExecTarget } from "@/lib/wire/exec";
import type { Person } from "../auth/person";
import { protocolV4, protocolV5 } from "./channelProtocol";
import { configuredIdentityMode, upgradeIdentity, type IdentityMode } from "../kube/asPerson";
import type { ClusterConnection } from "../kube/connect";
import { readRefusal, type ExecRefusal } from "./execStatus";

/** An exec websocket to the apiserver, or its refusal. */
export type PodExec = { ok: true; socket: WebSocket } | { ok: false; refusal: ExecRefusal };

/** Largest frame taken from the apiserver; the kubelet writes at most 32 KiB per frame. */
const maxUpstreamFrameBytes = 4 * 1024 * 1024;

export function podExecPath(target: Omit<ExecTarget, "command">, command: readonly string[]): string {
  const query = new URLSearchParams({ stdin: "true", stdout: "true", stderr: "true", tty: "true" });
  if (target.container) query.set("container", target.container);
  for (const arg of command) query.append("command", arg);
  return `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec?${query}`;
}

/** Opens pods/exec as `person` (impersonated, their token, or the kubeconfig for `via: "local"`), offering v5 then v4. */
export async function openPodExec(connection: ClusterConnection, person: Person, target: Omit<ExecTarget, "command">, command: readonly string[], mode: IdentityMode = configuredIdentityMode()): Promise<PodExec> {
  const opened = await connection.openWebSocket(podExecPath(target, command), { ...upgradeIdentity(person, mode), protocols: [protocolV5, protocolV4], maxPayload: maxUpstreamFrameBytes });
  return opened.ok ? opened : { ok: false, refusal: readRefusal(opened.status, opened.body) };
}
