import type { Command } from "../commandTypes";
import { memoryStats } from "../systemStats";
import { splitArgs } from "./inputs";

function scaled(kib: number, unit: string): string {
  if (unit === "h") {
    const units = ["Ki", "Mi", "Gi", "Ti"];
    let value = kib;
    let i = 0;
    while (value >= 1024 && i < units.length - 1) {
      value /= 1024;
      i++;
    }
    return kib === 0 ? "0B" : `${value < 10 ? value.toFixed(1) : Math.round(value)}${units[i]}`;
  }
  const divisor = { k: 1, m: 1024, g: 1024 * 1024 }[unit] ?? 1;
  return String(Math.round(kib / divisor));
}

const free: Command = ({ argv, host, stdout }) => {
  const { flags } = splitArgs(argv.slice(1));
  const unit = ["h", "m", "g"].find((u) => flags.has(u)) ?? "k";
  const m = memoryStats(host.facts, host.now());
  const cells = (values: number[]) => values.map((v) => scaled(v, unit).padStart(11)).join(" ");
  stdout.write(`${" ".repeat(15)}total        used        free      shared  buff/cache   available\n`);
  stdout.write(`Mem:   ${cells([m.totalKiB, m.usedKiB, m.freeKiB, m.sharedKiB, m.buffersKiB + m.cachedKiB, m.availableKiB])}\n`);
  stdout.write(`Swap:  ${cells([0, 0, 0])}\n`);
  return 0;
};

const df: Command = ({ argv, host, stdout }) => {
  const { flags } = splitArgs(argv.slice(1));
  const human = flags.has("h");
  const diskKiB = 101_445_540;
  const usedKiB = Math.round(diskKiB * (0.3 + (host.facts.seed % 300) / 1000));
  const memKiB = Math.round(host.facts.memTotalKiB / 2);
  const rows: [string, number, number, string][] = [
    ["overlay", diskKiB, usedKiB, "/"], ["tmpfs", 65_536, 0, "/dev"], ["shm", 65_536, 0, "/dev/shm"],
    ["/dev/sda1", diskKiB, usedKiB, "/etc/hosts"], ["tmpfs", memKiB, 12, "/run/secrets/kubernetes.io/serviceaccount"],
  ];
  const size = (kib: number) => (human ? scaled(kib, "h").replace("i", "") : String(kib));
  stdout.write(`Filesystem     ${human ? "Size  Used Avail" : "1K-blocks     Used Available"} Use% Mounted on\n`);
  for (const [fs, total, used, mount] of rows) {
    const widths = human ? [4, 5, 5] : [9, 8, 9];
    const cols = [size(total), size(used), size(total - used)].map((v, i) => v.padStart(widths[i]!));
    stdout.write(`${fs.padEnd(14)} ${cols.join(" ")} ${`${Math.ceil((used / total) * 100)}%`.padStart(4)} ${mount}\n`);
  }
  return 0;
};

export const resourceCommands: Record<string, Command> = { free, df };
