import { fnv32a } from "../random";
import type { ContainerSpec, ContainerStatus } from "../objects/types";

/** 64 hex characters derived from a key, for container and image digests. */
export function digestOf(key: string): string {
  let out = "";
  for (let i = 0; out.length < 64; i++) out += fnv32a(`${key}#${i}`).toString(16).padStart(8, "0");
  return out.slice(0, 64);
}

/** The fully qualified image reference containerd reports: "nginx:1.27" → "docker.io/library/nginx:1.27". */
export function qualifiedImage(image: string): string {
  const withTag = /[:@][^/]+$/.test(image) ? image : `${image}:latest`;
  const first = withTag.split("/")[0] ?? "";
  const hasRegistry = withTag.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  if (hasRegistry) return withTag;
  return withTag.includes("/") ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

export function imageIdOf(image: string): string {
  const qualified = qualifiedImage(image);
  const repository = qualified.replace(/[:@][^/]+$/, "");
  return `${repository}@sha256:${digestOf(qualified)}`;
}

export function containerIdOf(podIdentity: string, container: string, restartCount: number): string {
  return `containerd://${digestOf(`${podIdentity}/${container}/${restartCount}`)}`;
}

/** A container the kubelet has not started yet. */
export function waitingStatus(container: ContainerSpec, reason: string): ContainerStatus {
  return {
    name: container.name,
    state: { waiting: { reason } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image: qualifiedImage(container.image),
    imageID: "",
    started: false,
  };
}

/** Formats milliseconds the way Go prints a time.Duration: "10s", "1m20s", "5m0s". */
export function formatGoDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
