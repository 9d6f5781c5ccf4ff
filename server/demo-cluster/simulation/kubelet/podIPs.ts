import type { Node, Pod } from "../objects/types";

function ipToNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function nodeInternalIP(node: Node | undefined): string | undefined {
  return node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
}

/** Hands out pod addresses from each node's podCIDR, skipping ones in use (the CNI's IPAM). */
export class PodIpAllocator {
  private readonly cursors = new Map<string, number>();

  /** `usedOn` lists the pod IPs already taken on a node. */
  constructor(private readonly usedOn: (nodeName: string) => Iterable<string>) {}

  allocate(pod: Pod, node: Node): string {
    if (pod.spec.hostNetwork) return nodeInternalIP(node) ?? "";
    const cidr = node.spec?.podCIDR ?? "10.244.0.0/24";
    const [base = "10.244.0.0", bits = "24"] = cidr.split("/");
    const size = 2 ** (32 - Number(bits));
    const first = ipToNumber(base);
    const used = new Set(this.usedOn(node.metadata.name));
    const name = node.metadata.name;
    let offset = this.cursors.get(name) ?? 2;
    for (let tries = 0; tries < size; tries++) {
      if (offset >= size - 1) offset = 2;
      const candidate = numberToIp(first + offset);
      offset++;
      if (!used.has(candidate)) {
        this.cursors.set(name, offset);
        return candidate;
      }
    }
    // A full range: reuse the cursor's address rather than fail the pod, as a demo cluster should keep going.
    return numberToIp(first + 2);
  }
}
