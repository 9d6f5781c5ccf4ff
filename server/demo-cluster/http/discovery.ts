import { groupVersions, type ResourceInfo } from "../resources";

export const serverVersion = { major: "1", minor: "32", gitVersion: "v1.32.0-orrery-demo" };

export function versionInfo(): Record<string, string> {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return {
    ...serverVersion,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2025-01-01T00:00:00Z",
    goVersion: "go1.23.4",
    compiler: "gc",
    platform: `${process.platform}/${arch}`,
  };
}

function resourceEntries(info: ResourceInfo): Record<string, unknown>[] {
  const main: Record<string, unknown> = { name: info.plural, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: info.verbs };
  if (info.shortNames) main.shortNames = info.shortNames;
  if (info.categories) main.categories = info.categories;
  const subs = (info.subresources ?? []).map((sub) => ({
    name: `${info.plural}/${sub.name}`,
    singularName: "",
    namespaced: info.namespaced,
    ...(sub.group !== undefined ? { group: sub.group, version: sub.version } : {}),
    kind: sub.kind,
    verbs: sub.verbs,
  }));
  return [main, ...subs];
}

function groupEntry(group: string) {
  const versions = groupVersions().filter((gv) => gv.group === group).map((gv) => ({ groupVersion: `${group}/${gv.version}`, version: gv.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

/**
 * Plain discovery documents. Requests preferring aggregated discovery get these too
 * (with Content-Type application/json), which makes kubectl fall back to per-group lists.
 */
export function discoveryDocument(pathname: string, serverAddress: string): unknown {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (path === "/version") return versionInfo();
  if (path === "/api") return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
  if (path === "/apis") {
    const groups = [...new Set(groupVersions().map((gv) => gv.group).filter((g) => g !== ""))];
    return { kind: "APIGroupList", apiVersion: "v1", groups: groups.map(groupEntry) };
  }
  const groupOnly = /^\/apis\/([^/]+)$/.exec(path);
  if (groupOnly) {
    const entry = groupEntry(groupOnly[1]!);
    return entry.versions.length > 0 ? { kind: "APIGroup", apiVersion: "v1", ...entry } : undefined;
  }
  const match = /^\/api\/(v1)$|^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const [group, version] = match[1] ? ["", "v1"] : [match[2]!, match[3]!];
  const gv = groupVersions().find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  // kube-apiserver lists a group's resources alphabetically; kubectl's `get all` follows that order.
  const sorted = [...gv.resources].sort((a, b) => a.plural.localeCompare(b.plural));
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources: sorted.flatMap(resourceEntries) };
}
