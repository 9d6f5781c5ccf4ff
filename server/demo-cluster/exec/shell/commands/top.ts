import type { Command, CommandContext } from "../commandTypes";
import { formatUptime, loadAverages, memoryStats, uptimeSeconds } from "../systemStats";
import { formatDate } from "./formatDate";
import { splitArgs } from "./inputs";
import { currentProcesses } from "./processes";

const mib = (kib: number) => (kib / 1024).toFixed(1).padStart(8);
const clearScreen = "\x1b[H\x1b[2J";
// Like procps top: frames go to the alternate screen, and leaving it brings back what the terminal showed before.
const enterAlternateScreen = "\x1b[?1049h";
const leaveAlternateScreen = "\x1b[?1049l";
const maxBatchFrames = 5;

function frame(ctx: CommandContext): string {
  const now = ctx.host.now();
  const { facts } = ctx.host;
  const list = currentProcesses(ctx);
  const load = loadAverages(facts, now).map((v) => v.toFixed(2)).join(", ");
  const m = memoryStats(facts, now);
  const busy = list.reduce((sum, p) => sum + p.cpuPercent, 0) / facts.cpuCount;
  const rows = list.map((p) => {
    const time = `${Math.floor(p.cpuSeconds / 60)}:${String(p.cpuSeconds % 60).padStart(2, "0")}.${String(p.pid * 7 % 100).padStart(2, "0")}`;
    const state = p.state.startsWith("R") ? "R" : "S";
    const shared = Math.round(p.rssKiB * 0.7);
    return `${String(p.pid).padStart(7)} ${p.user.padEnd(8)}  20   0 ${String(p.vszKiB).padStart(7)} ${String(p.rssKiB).padStart(6)} ${String(shared).padStart(6)} ${state} ${p.cpuPercent.toFixed(1).padStart(5)} ${((p.rssKiB / m.totalKiB) * 100).toFixed(1).padStart(5)} ${time.padStart(9)} ${p.command.split(" ")[0]!.replace(/:$/, "")}`;
  });
  return [
    `top - ${formatDate(now, "%H:%M:%S")} up ${formatUptime(uptimeSeconds(facts, now))},  0 users,  load average: ${load}`,
    `Tasks: ${String(list.length).padStart(3)} total,   1 running, ${String(list.length - 1).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    `%Cpu(s): ${busy.toFixed(1).padStart(4)} us,  0.3 sy,  0.0 ni, ${(99.5 - busy).toFixed(1).padStart(4)} id,  0.0 wa,  0.0 hi,  0.2 si,  0.0 st`,
    `MiB Mem : ${mib(m.totalKiB)} total, ${mib(m.freeKiB)} free, ${mib(m.usedKiB)} used, ${mib(m.buffersKiB + m.cachedKiB)} buff/cache`,
    `MiB Swap:      0.0 total,      0.0 free,      0.0 used. ${mib(m.availableKiB)} avail Mem`,
    "",
    "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
    ...rows,
    "",
  ].join("\n");
}

/** Waits for `ms` or until aborted; true when aborted. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve(true);
    }, { once: true });
  });
}

/** Reads one key from the terminal, or null after `ms` or when aborted. */
async function readKey(ctx: CommandContext, ms: number): Promise<string | null> {
  const timeout = AbortSignal.any([ctx.signal, AbortSignal.timeout(ms)]);
  return ctx.host.terminal!.input.read(timeout);
}

const top: Command = async (ctx) => {
  const { flags, values } = splitArgs(ctx.argv.slice(1), ["n", "d"]);
  const delayMs = Math.min(Math.max(Number(values.get("d") ?? 3) * 1000 || 3000, 500), 10_000);
  const frames = Math.max(1, Number(values.get("n") ?? (flags.has("b") || !ctx.host.terminal ? 1 : Infinity)) || 1);
  if (flags.has("b") || !ctx.host.terminal) {
    for (let i = 0; i < Math.min(frames, maxBatchFrames); i++) {
      if (i > 0 && (await pause(delayMs, ctx.signal))) return 130;
      ctx.stdout.write(frame(ctx) + "\n");
    }
    return 0;
  }
  const deadline = ctx.host.now() + ctx.host.maxWaitMs;
  ctx.stdout.write(enterAlternateScreen);
  try {
    for (let shown = 0; shown < frames && ctx.host.now() < deadline; shown++) {
      ctx.stdout.write(clearScreen + frame(ctx));
      const key = await readKey(ctx, delayMs);
      if (ctx.signal.aborted) return 130;
      if (key !== null && /[qQ]/.test(key)) break;
    }
    return 0;
  } finally {
    // Also on Ctrl-C: the shell's earlier output comes back, with the prompt below it.
    ctx.stdout.write(leaveAlternateScreen);
  }
};

export const topCommands: Record<string, Command> = { top };
