import type { Command, CommandContext } from "../commandTypes";
import { processTable, type ProcessInfo } from "../processTable";
import { formatDate } from "./formatDate";

export function currentProcesses(ctx: CommandContext): ProcessInfo[] {
  const { host } = ctx;
  return processTable(host.facts, {
    shellPid: host.shellPid,
    shellCommand: host.facts.traits.hasBash && ctx.scope.shellName === "bash" ? "bash" : "sh",
    shellStartMs: host.shellStartMs,
    tty: host.terminal !== undefined,
    current: { pid: host.nextPid(), command: ctx.argv.join(" ") },
  }, host.now());
}

/** procps's START: the time today, the date this year, else the year. */
function psStart(startMs: number, nowMs: number): string {
  if (nowMs - startMs < 86_400_000) return formatDate(startMs, "%H:%M");
  if (new Date(startMs).getUTCFullYear() === new Date(nowMs).getUTCFullYear()) return formatDate(startMs, "%b%d");
  return formatDate(startMs, " %Y");
}

const cpuTime = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

function procpsFull(list: ProcessInfo[], ctx: CommandContext): string[] {
  const memTotal = ctx.host.facts.memTotalKiB;
  const header = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND";
  return [header, ...list.map((p) => [
    p.user.padEnd(8), String(p.pid).padStart(7), p.cpuPercent.toFixed(1).padStart(4), ((p.rssKiB / memTotal) * 100).toFixed(1).padStart(4),
    String(p.vszKiB).padStart(6), String(p.rssKiB).padStart(5), p.tty.padEnd(8), p.state.padEnd(4), psStart(p.startMs, ctx.host.now()).padStart(5), cpuTime(p.cpuSeconds).padStart(6), p.command,
  ].join(" "))];
}

function procpsEf(list: ProcessInfo[], nowMs: number): string[] {
  return ["UID          PID    PPID  C STIME TTY          TIME CMD", ...list.map((p) =>
    `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 1).padStart(7)}  0 ${psStart(p.startMs, nowMs).padStart(5)} ${p.tty.padEnd(8)} 00:00:${String(p.cpuSeconds % 60).padStart(2, "0")} ${p.command}`)];
}

function busyboxPs(list: ProcessInfo[]): string[] {
  return ["PID   USER     TIME  COMMAND", ...list.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)} ${cpuTime(p.cpuSeconds).padStart(5)} ${p.command}`)];
}

const ps: Command = (ctx) => {
  const list = currentProcesses(ctx);
  const args = ctx.argv.slice(1).join(" ");
  let lines: string[];
  if (ctx.host.facts.traits.family !== "debian") lines = busyboxPs(list);
  else if (/a|x|u/.test(args.replace(/^-/, "")) && !args.startsWith("-")) lines = procpsFull(list, ctx);
  else if (/-e|-A/.test(args)) lines = /f/.test(args) ? procpsEf(list, ctx.host.now()) : ["    PID TTY          TIME CMD", ...list.map((p) => `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${p.command.split(" ")[0]}`)];
  else lines = ["    PID TTY          TIME CMD", ...list.filter((p) => p.pid >= ctx.host.shellPid).map((p) => `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${p.command.split(" ")[0]}`)];
  ctx.stdout.write(`${lines.join("\n")}\n`);
  return 0;
};

export const processCommands: Record<string, Command> = { ps };
