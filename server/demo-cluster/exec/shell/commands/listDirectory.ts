import type { CommandContext } from "../commandTypes";
import { baseName, type FsNode, resolvePath } from "../fakeFs";
import { formatDate } from "./formatDate";
import { splitArgs } from "./inputs";

interface Entry {
  name: string;
  node: FsNode;
}

const sixMonthsMs = 182 * 86_400_000;

function modeString(node: FsNode): string {
  const bits = ["r", "w", "x", "r", "w", "x", "r", "w", "x"].map((c, i) => ((node.mode >> (8 - i)) & 1 ? c : "-"));
  if (node.mode & 0o1000) bits[8] = bits[8] === "x" ? "t" : "T";
  return (node.kind === "dir" ? "d" : "-") + bits.join("");
}

function sizeOf(node: FsNode): number {
  if (node.kind === "dir") return 4096;
  if (node.displaySize !== undefined) return node.displaySize;
  return typeof node.content === "string" ? Buffer.byteLength(node.content) : 0;
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ["K", "M", "G", "T"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, "") : Math.round(value)}${units[unit]}`;
}

function longLine(entry: Entry, now: number, human: boolean): string {
  const size = human ? humanSize(sizeOf(entry.node)) : String(sizeOf(entry.node));
  const when = now - entry.node.mtimeMs < sixMonthsMs ? formatDate(entry.node.mtimeMs, "%b %e %H:%M") : formatDate(entry.node.mtimeMs, "%b %e  %Y");
  const owner = entry.node.owner ?? "root";
  return `${modeString(entry.node)} ${entry.node.kind === "dir" ? 2 : 1} ${owner.padEnd(4)} ${owner.padEnd(4)} ${size.padStart(human ? 4 : 5)} ${when} ${entry.name}`;
}

/** Names in columns across the terminal width, as ls does on a tty. */
function columns(names: string[], width: number): string[] {
  if (names.length === 0) return [];
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / perRow);
  return Array.from({ length: rows }, (_, r) => names.filter((_, i) => i % rows === r).map((n, i, row) => (i === row.length - 1 ? n : n.padEnd(colWidth))).join(""));
}

function render(entries: Entry[], ctx: CommandContext, flags: Set<string>): string[] {
  if (flags.has("l")) return entries.map((e) => longLine(e, ctx.host.now(), flags.has("h")));
  const names = entries.map((e) => e.name);
  return ctx.host.terminal && !flags.has("1") ? columns(names, ctx.host.terminal.width) : names;
}

function entriesOf(ctx: CommandContext, path: string, flags: Set<string>): Entry[] {
  const children = ctx.host.fs.list(path).filter((c) => flags.has("a") || flags.has("A") || !c.name.startsWith("."));
  if (!flags.has("a")) return children;
  return [{ name: ".", node: ctx.host.fs.stat(path)! }, { name: "..", node: ctx.host.fs.stat(resolvePath(path, ".."))! }, ...children];
}

/** ls with -l, -a, -A, -h, -1 and -d. */
export function listDirectory(ctx: CommandContext): number {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const targets = operands.length ? operands : ["."];
  const files: Entry[] = [];
  const dirs: { name: string; path: string }[] = [];
  let status = 0;
  for (const name of targets) {
    const path = resolvePath(ctx.scope.cwd, name);
    const node = ctx.host.fs.stat(path);
    if (!node) {
      ctx.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
    } else if (node.kind === "dir" && !flags.has("d")) dirs.push({ name, path });
    else files.push({ name: operands.length ? name : baseName(path), node });
  }
  const out: string[] = render(files, ctx, flags);
  for (const dir of dirs) {
    const entries = entriesOf(ctx, dir.path, flags);
    if (targets.length > 1) out.push(...(out.length ? [""] : []), `${dir.name}:`);
    if (flags.has("l")) out.push(`total ${entries.reduce((sum, e) => sum + Math.ceil(sizeOf(e.node) / 4096) * 4, 0)}`);
    out.push(...render(entries, ctx, flags));
  }
  if (out.length) ctx.stdout.write(`${out.join("\n")}\n`);
  return status;
}
