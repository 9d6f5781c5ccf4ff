// Kubernetes' remote-command websocket protocol (channel.k8s.io): one channel byte, then the payload.
// Orrery's relay speaks it to the apiserver and the demo cluster's kubelet answers in it: one definition for both.

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
/** In order of preference: v5 can half-close stdin, v4 cannot. */
export const supportedProtocols = [protocolV5, protocolV4] as const;
export type ChannelProtocol = (typeof supportedProtocols)[number];
