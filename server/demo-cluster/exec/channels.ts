// The Kubernetes remote-command websocket protocol: one channel byte, then the payload.

/** Stream ids of channel.k8s.io, the first byte of every binary frame. */
export enum Channel {
  StdIn = 0,
  StdOut = 1,
  StdErr = 2,
  Error = 3,
  Resize = 4,
}

/** v5 only: [255, channel] says the sender has finished writing that channel. */
export const closeSignal = 255;

export const protocolV5 = "v5.channel.k8s.io";
export const protocolV4 = "v4.channel.k8s.io";
export const supportedProtocols = [protocolV5, protocolV4] as const;
export type ChannelProtocol = (typeof supportedProtocols)[number];

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
