import type { Command, CommandContext } from "../commandTypes";
import { splitLines } from "../streams";
import { readInputs, splitArgs } from "./inputs";

/** head/tail accept -n N, -N and -n +N (tail: from line N). */
function lineCount(ctx: CommandContext): { count: number; fromStart: boolean; operands: string[] } | string {
  const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const { values, operands } = splitArgs(args, ["n", "c"]);
  const raw = values.get("n") ?? "10";
  if (!/^[+-]?\d+$/.test(raw)) return `${ctx.argv[0]}: invalid number of lines: '${raw}'`;
  return { count: Math.abs(Number(raw)), fromStart: raw.startsWith("+"), operands };
}

function headOrTail(pick: (lines: string[], count: number, fromStart: boolean) => string[]): Command {
  return async (ctx) => {
    const parsed = lineCount(ctx);
    if (typeof parsed === "string") {
      ctx.stderr.write(`${parsed}\n`);
      return 1;
    }
    const { inputs, failed } = await readInputs(ctx, ctx.argv[0]!, parsed.operands);
    inputs.forEach(({ name, text }, index) => {
      if (inputs.length > 1) ctx.stdout.write(`${index > 0 ? "\n" : ""}==> ${name === "-" ? "standard input" : name} <==\n`);
      const lines = pick(splitLines(text), parsed.count, parsed.fromStart);
      if (lines.length) ctx.stdout.write(`${lines.join("\n")}\n`);
    });
    return failed ? 1 : 0;
  };
}

const head = headOrTail((lines, count) => lines.slice(0, count));
const tail = headOrTail((lines, count, fromStart) => (fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count)));

const wc: Command = async (ctx) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const chosen = ["l", "w", "c"].filter((f) => flags.has(f) || flags.has(f === "c" ? "m" : f));
  const show = chosen.length ? chosen : ["l", "w", "c"];
  const { inputs, failed } = await readInputs(ctx, "wc", operands);
  const totals = { l: 0, w: 0, c: 0 };
  const rows = inputs.map(({ name, text }) => {
    const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: Buffer.byteLength(text) };
    for (const key of ["l", "w", "c"] as const) totals[key] += counts[key];
    return { name: name === "-" ? "" : name, counts };
  });
  if (rows.length > 1) rows.push({ name: "total", counts: totals });
  const single = show.length === 1 && operands.length <= 1;
  // GNU wc pads to 7 columns when reading stdin, else to the widest count.
  const width = single ? 0 : operands.length === 0 ? 7 : Math.max(1, ...rows.flatMap((r) => show.map((k) => String(r.counts[k as "l"]).length)));
  for (const row of rows) ctx.stdout.write(`${show.map((k) => String(row.counts[k as "l"]).padStart(width)).join(" ")}${row.name ? ` ${row.name}` : ""}\n`);
  return failed ? 1 : 0;
};

/** Turns a basic regular expression (grep without -E) into a JavaScript one. */
function basicToExtended(pattern: string): string {
  return pattern.replace(/\\([|(){}+?])|([|(){}+?])/g, (_, escaped: string | undefined, bare: string | undefined) => (escaped ? escaped : `\\${bare}`));
}

const grep: Command = async (ctx) => {
  const { flags, values, operands } = splitArgs(ctx.argv.slice(1), ["e"]);
  const pattern = values.get("e") ?? operands.shift();
  if (pattern === undefined) {
    ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\n");
    return 2;
  }
  const source = flags.has("F") ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : flags.has("E") || ctx.argv[0] === "egrep" ? pattern : basicToExtended(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(flags.has("w") ? `\\b(?:${source})\\b` : flags.has("x") ? `^(?:${source})$` : source, flags.has("i") ? "i" : "");
  } catch {
    ctx.stderr.write(`grep: Invalid regular expression\n`);
    return 2;
  }
  const { inputs, failed } = await readInputs(ctx, "grep", operands);
  let matched = 0;
  for (const { name, text } of inputs) {
    const lines = splitLines(text);
    const hits = lines.map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => regex.test(line) !== flags.has("v"));
    matched += hits.length;
    if (flags.has("q")) continue;
    const prefix = inputs.length > 1 ? `${name}:` : "";
    if (flags.has("c")) ctx.stdout.write(`${prefix}${hits.length}\n`);
    else if (flags.has("l")) {
      if (hits.length) ctx.stdout.write(`${name}\n`);
    }
    else for (const { line, n } of hits) ctx.stdout.write(`${prefix}${flags.has("n") ? `${n}:` : ""}${line}\n`);
  }
  if (failed && !flags.has("s")) return 2;
  return matched > 0 ? 0 : 1;
};

export const textCommands: Record<string, Command> = { head, tail, wc, grep, egrep: grep };
