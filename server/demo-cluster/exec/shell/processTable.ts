import { mixSeed } from "../../logs/rng";
import type { ContainerFacts } from "./containerFacts";

export interface ProcessInfo {
  pid: number;
  user: string;
  /** Full command line, as ps's COMMAND shows it. */
  command: string;
  startMs: number;
  cpuPercent: number;
  rssKiB: number;
  vszKiB: number;
  state: string;
  tty: string;
  cpuSeconds: number;
}

/** The session's own processes: its shell and the command that is looking (ps, top). */
export interface SessionProcesses {
  shellPid: number;
  shellCommand: string;
  shellStartMs: number;
  tty: boolean;
  current?: { pid: number; command: string };
}

type Template = { pid: number; user: string; command: string; rssKiB: number };

function appProcesses(facts: ContainerFacts): Template[] {
  const main = facts.mainCommand.join(" ");
  const custom = main !== facts.traits.defaultCommand.join(" ");
  if (custom || facts.traits.app === "generic" || facts.traits.app === "busybox") return [{ pid: 1, user: "root", command: main, rssKiB: 24_000 }];
  switch (facts.traits.app) {
    case "nginx":
      return [{ pid: 1, user: "root", command: "nginx: master process nginx -g daemon off;", rssKiB: 7_480 },
        ...Array.from({ length: Math.min(4, facts.cpuCount) }, (_, i) => ({ pid: 29 + i, user: "nginx", command: "nginx: worker process", rssKiB: 3_100 }))];
    case "redis":
      return [{ pid: 1, user: "redis", command: "redis-server *:6379", rssKiB: 11_920 }];
    case "postgres":
      return [{ pid: 1, user: "postgres", command: "postgres", rssKiB: 29_800 },
        ...["checkpointer", "background writer", "walwriter", "autovacuum launcher", "logical replication launcher"].map((name, i) => ({ pid: 27 + i, user: "postgres", command: `postgres: ${name} `, rssKiB: 6_000 + i * 700 }))];
    default:
      return [{ pid: 1, user: "root", command: main, rssKiB: 58_000 }];
  }
}

/** ps/top's view: the app's processes with usage that drifts over time, then the session's. */
export function processTable(facts: ContainerFacts, session: SessionProcesses, nowMs: number): ProcessInfo[] {
  const minute = Math.floor(nowMs / 60_000);
  const uptimeSec = Math.max(0, (nowMs - facts.startedMs) / 1000);
  const app = appProcesses(facts).map((p): ProcessInfo => {
    const wobble = (mixSeed(facts.seed + p.pid, minute) % 1000) / 1000;
    const cpuPercent = Math.round((p.pid === 1 ? 0.4 : 0.1) * (0.5 + wobble) * 10) / 10;
    return { ...p, startMs: facts.startedMs, cpuPercent, rssKiB: Math.round(p.rssKiB * (1 + wobble * 0.1)), vszKiB: p.rssKiB * 3 + 4_000, state: p.pid === 1 ? "Ss" : "S", tty: "?", cpuSeconds: Math.floor((uptimeSec * cpuPercent) / 100) };
  });
  const tty = session.tty ? "pts/0" : "?";
  const own: ProcessInfo[] = [{ pid: session.shellPid, user: "root", command: session.shellCommand, startMs: session.shellStartMs, cpuPercent: 0, rssKiB: 3_900, vszKiB: 4_600, state: session.tty ? "Ss" : "S", tty, cpuSeconds: 0 }];
  if (session.current) own.push({ pid: session.current.pid, user: "root", command: session.current.command, startMs: nowMs, cpuPercent: 0, rssKiB: 3_500, vszKiB: 8_100, state: "R+", tty, cpuSeconds: 0 });
  return [...app, ...own];
}
