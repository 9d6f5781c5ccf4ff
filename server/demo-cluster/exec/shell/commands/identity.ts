import type { Command } from "../commandTypes";
import { formatUptime, loadAverages, uptimeSeconds } from "../systemStats";
import { formatDate } from "./formatDate";

const kernel = { release: "6.1.0-21-cloud-amd64", version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.90-1 (2024-05-03)", machine: "x86_64" };

const hostname: Command = ({ argv, host, stdout }) => {
  stdout.write(`${argv[1] === "-i" || argv[1] === "-I" ? host.facts.podIp : host.facts.podName}\n`);
  return 0;
};

const whoami: Command = ({ stdout }) => {
  stdout.write("root\n");
  return 0;
};

const id: Command = ({ argv, stdout }) => {
  const flags = argv.slice(1).join("");
  if (flags.includes("u") || flags.includes("g")) stdout.write(flags.includes("n") ? "root\n" : "0\n");
  else stdout.write("uid=0(root) gid=0(root) groups=0(root)\n");
  return 0;
};

const uname: Command = ({ argv, host, stdout, stderr }) => {
  const flags = argv.slice(1).join("").replace(/-/g, "").replace("a", "snrvmo");
  if (/[^snrvmpio]/.test(flags)) {
    stderr.write(`uname: invalid option -- '${flags.replace(/[snrvmpio]/g, "")[0]}'\n`);
    return 1;
  }
  const fields: [string, string][] = [["s", "Linux"], ["n", host.facts.podName], ["r", kernel.release], ["v", kernel.version], ["m", kernel.machine], ["o", "GNU/Linux"]];
  const chosen = fields.filter(([flag]) => (flags === "" ? flag === "s" : flags.includes(flag))).map(([, value]) => value);
  stdout.write(`${chosen.join(" ")}\n`);
  return 0;
};

const date: Command = ({ argv, host, stdout }) => {
  const format = argv.slice(1).find((a) => a.startsWith("+"));
  stdout.write(`${formatDate(host.now(), format ? format.slice(1) : "%a %b %e %H:%M:%S %Z %Y")}\n`);
  return 0;
};

const uptime: Command = ({ host, stdout }) => {
  const now = host.now();
  const load = loadAverages(host.facts, now).map((v) => v.toFixed(2)).join(", ");
  stdout.write(` ${formatDate(now, "%H:%M:%S")} up ${formatUptime(uptimeSeconds(host.facts, now))},  0 users,  load average: ${load}\n`);
  return 0;
};

const nproc: Command = ({ host, stdout }) => {
  stdout.write(`${host.facts.cpuCount}\n`);
  return 0;
};

const clear: Command = ({ stdout }) => {
  stdout.write("\x1b[H\x1b[2J\x1b[3J");
  return 0;
};

const sleep: Command = async ({ argv, host, signal, stderr }) => {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(argv[1] ?? "");
  if (!match) {
    stderr.write(argv[1] === undefined ? "sleep: missing operand\n" : `sleep: invalid time interval '${argv[1]}'\n`);
    return 1;
  }
  const unit = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "" | "s" | "m" | "h" | "d"];
  const ms = Math.min(Number(match[1]) * unit, host.maxWaitMs);
  const interrupted = await new Promise<boolean>((resolve) => {
    if (signal.aborted) return resolve(true);
    const timer = setTimeout(() => done(false), ms);
    const done = (aborted: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(aborted);
    };
    const onAbort = () => done(true);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return interrupted ? 130 : 0;
};

export const identityCommands: Record<string, Command> = { hostname, whoami, id, uname, date, uptime, nproc, clear, sleep };
