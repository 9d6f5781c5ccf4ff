import { buildTree, type FsNode } from "./fakeFs";
import type { ContainerFacts } from "./containerFacts";
import { osRelease } from "./imageTraits";
import { appFiles } from "./appFiles";
import { loadAverages, memoryStats, uptimeSeconds } from "./systemStats";

const file = (content: string | (() => string), mtimeMs: number, mode = 0o644): FsNode => ({ kind: "file", content, mode, mtimeMs });
const kB = (value: number) => `${String(value).padStart(8)} kB`;

function procFiles(facts: ContainerFacts, now: () => number): [string, string | (() => string)][] {
  return [
    ["/proc/1/cmdline", `${facts.mainCommand.join("\0")}\0`],
    ["/proc/loadavg", () => `${loadAverages(facts, now()).map((v) => v.toFixed(2)).join(" ")} 1/${180 + (facts.seed % 90)} ${40 + (facts.seed % 50)}\n`],
    ["/proc/uptime", () => `${uptimeSeconds(facts, now()).toFixed(2)} ${(uptimeSeconds(facts, now()) * facts.cpuCount * 0.93).toFixed(2)}\n`],
    ["/proc/meminfo", () => {
      const m = memoryStats(facts, now());
      const rows: [string, number][] = [["MemTotal", m.totalKiB], ["MemFree", m.freeKiB], ["MemAvailable", m.availableKiB], ["Buffers", m.buffersKiB], ["Cached", m.cachedKiB], ["SwapCached", 0], ["Active", Math.round(m.usedKiB * 0.7)], ["Inactive", Math.round(m.cachedKiB * 0.9)], ["SwapTotal", 0], ["SwapFree", 0], ["Shmem", m.sharedKiB]];
      return rows.map(([name, value]) => `${`${name}:`.padEnd(16)}${kB(value)}`).join("\n") + "\n";
    }],
    ["/proc/cpuinfo", Array.from({ length: facts.cpuCount }, (_, i) => `processor\t: ${i}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\ncpu MHz\t\t: 2200.152\ncpu cores\t: ${facts.cpuCount}\n`).join("\n")],
    ["/proc/version", "Linux version 6.1.0-21-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.90-1 (2024-05-03)\n"],
  ];
}

function etcFiles(facts: ContainerFacts): [string, string][] {
  const users = ["root:x:0:0:root:/root:/bin/sh", "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"];
  if (facts.traits.app === "nginx") users.push("nginx:x:101:101:nginx user:/nonexistent:/bin/false");
  if (facts.traits.app === "redis") users.push("redis:x:999:999::/home/redis:/bin/sh");
  if (facts.traits.app === "postgres") users.push("postgres:x:999:999::/var/lib/postgresql:/bin/bash");
  const shells = facts.traits.hasBash ? "/bin/sh\n/bin/bash\n" : "/bin/sh\n";
  return [
    ["/etc/hostname", `${facts.podName}\n`],
    ["/etc/hosts", `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n${facts.podIp}\t${facts.podName}\n`],
    ["/etc/resolv.conf", `search ${facts.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`],
    ["/etc/os-release", osRelease(facts.traits.family)],
    ["/etc/passwd", `${users.join("\n")}\n`],
    ["/etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n"],
    ["/etc/shells", shells],
  ];
}

function serviceAccountFiles(facts: ContainerFacts): [string, string][] {
  const dir = "/var/run/secrets/kubernetes.io/serviceaccount";
  // A token-shaped string that is not a credential anywhere.
  const token = ["eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlbW8ifQ", Buffer.from(JSON.stringify({ iss: "https://kubernetes.default.svc", sub: `system:serviceaccount:${facts.namespace}:default` })).toString("base64url"), "ZGVtby1jbHVzdGVyLW5vdC1hLXJlYWwtc2lnbmF0dXJl"].join(".");
  return [[`${dir}/namespace`, facts.namespace], [`${dir}/token`, token], [`${dir}/ca.crt`, "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIDemoClusterCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNDAxMDEwMDAwMDBaFw0zNDAxMDEwMDAwMDBaMBUx\n-----END CERTIFICATE-----\n"]];
}

/** The container's read-only base filesystem, built from the pod; `commands` become /bin entries. */
export function buildPodTree(facts: ContainerFacts, commands: readonly string[], now: () => number) {
  const built = facts.startedMs - 14 * 86_400_000;
  const entries: [string, FsNode][] = [];
  const add = (path: string, content: string | (() => string), mtimeMs = built, mode = 0o644) => entries.push([path, file(content, mtimeMs, mode)]);
  for (const [path, content] of etcFiles(facts)) add(path, content, path === "/etc/hostname" || path === "/etc/hosts" || path === "/etc/resolv.conf" ? facts.startedMs : built);
  for (const [path, content] of procFiles(facts, now)) add(path, content, facts.startedMs, 0o444);
  for (const [path, content] of serviceAccountFiles(facts)) add(path, content, facts.startedMs);
  for (const [path, content] of appFiles(facts)) add(path, content);
  for (const name of commands) entries.push([`/bin/${name}`, { kind: "file", content: "\x7fELF\x02\x01\x01", mode: 0o755, mtimeMs: built, displaySize: 18_000 + (name.length * 7919) % 120_000 }]);
  for (const dir of ["/tmp", "/root", "/home", "/dev/shm", "/dev/pts", "/mnt", "/opt", "/srv", "/run", "/sys/fs/cgroup", "/usr/local/bin", "/usr/lib", "/lib", "/sbin", "/var/tmp", "/var/cache", "/var/log", "/media"]) {
    entries.push([dir, { kind: "dir", mode: dir.endsWith("tmp") ? 0o1777 : 0o755, mtimeMs: built }]);
  }
  for (const dev of ["null", "zero", "random", "urandom", "tty", "full"]) entries.push([`/dev/${dev}`, { kind: "file", content: "", mode: 0o666, mtimeMs: facts.startedMs }]);
  return buildTree(entries, built);
}
