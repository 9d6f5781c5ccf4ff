import { readdirSync, readFileSync } from "node:fs";

// kwok runs `kubectl exec` commands as processes on this host and does not stop them when kubectl goes away.
// A test that leaves one behind marks its command line with a unique word; this finds and ends exactly those.

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function parentOf(pid: string): string | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
  } catch {
    return undefined;
  }
}

/** Pids whose command line contains `marker`, with their children; each is sent SIGKILL. Returns how many. */
export function killMarkedProcesses(marker: string): number {
  const pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name) && name !== String(process.pid));
  const marked = new Set(pids.filter((pid) => commandLine(pid).includes(marker)));
  const children = pids.filter((pid) => marked.has(parentOf(pid) ?? ""));
  let killed = 0;
  for (const pid of [...children, ...marked]) {
    try {
      process.kill(Number(pid), "SIGKILL");
      killed++;
    } catch {
      // Already gone.
    }
  }
  return killed;
}
