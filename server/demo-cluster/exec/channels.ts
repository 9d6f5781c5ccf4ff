// The demo kubelet's side of the remote-command protocol: negotiation, exit statuses, resize messages.

import { supportedProtocols, type ChannelProtocol } from "@/server/exec/channelProtocol";

// The protocol's constants are Orrery's (server/exec); the demo's kubelet speaks the same protocol.
export { Channel, closeSignal, protocolV4, protocolV5, supportedProtocols, type ChannelProtocol } from "@/server/exec/channelProtocol";

/** The first protocol the client offers that this server speaks (clients list their preference first). */
export function negotiateProtocol(offered: Iterable<string>): ChannelProtocol | undefined {
  for (const protocol of offered) {
    if ((supportedProtocols as readonly string[]).includes(protocol)) return protocol as ChannelProtocol;
  }
  return undefined;
}

export function parseProtocolHeader(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined.split(",").map((p) => p.trim()).filter(Boolean);
}

/** metav1.Status on the error channel, as the kubelet writes it at the end of an exec. */
export function exitStatus(exitCode: number): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: "Success" };
  return {
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: exit status ${exitCode}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(exitCode) }] },
  };
}

export function failureStatus(message: string, reason = "InternalError", code = 500): Record<string, unknown> {
  return { metadata: {}, status: "Failure", message, reason, code };
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** The resize channel's JSON: {"Width":80,"Height":24}; undefined when malformed. */
export function parseResize(payload: Buffer): TerminalSize | undefined {
  try {
    const { Width, Height } = JSON.parse(payload.toString("utf8")) as { Width?: unknown; Height?: unknown };
    const valid = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0 && n < 10_000;
    return valid(Width) && valid(Height) ? { width: Width, height: Height } : undefined;
  } catch {
    return undefined;
  }
}
