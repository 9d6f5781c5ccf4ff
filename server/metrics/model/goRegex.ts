import { translateClass } from "./goRegexClass";
import { caseVariants, fail, GoRegexError, translateEscape } from "./goRegexEscape";

/** Compiles a Go RE2 pattern as Prometheus does: fully anchored, `.` matching newlines. */
export function compileGoRegex(pattern: string): RegExp {
  try {
    const { body, flags } = splitLeadingFlags(pattern);
    const source = `^(?:${translate(body)})$`;
    return new RegExp(source, `su${flags}`);
  } catch (err) {
    const detail = err instanceof GoRegexError ? err.message : jsReason(err);
    throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: error parsing regexp: ${detail}`);
  }
}

function jsReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "").toLowerCase();
}

function splitLeadingFlags(pattern: string): { body: string; flags: string } {
  const match = /^\(\?([is]+)\)/.exec(pattern);
  if (!match) return { body: pattern, flags: "" };
  return { body: pattern.slice(match[0].length), flags: match[1]!.includes("i") ? "i" : "" };
}

/** Case-insensitivity of the group being read and of the groups around it. */
interface CaseState {
  ignoreCase: boolean;
  outer: boolean[];
}

function translate(pattern: string): string {
  let out = "";
  let i = 0;
  const state: CaseState = { ignoreCase: false, outer: [] };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    let text: string;
    if (ch === "\\") [text, i] = translateEscape(pattern, i, false, state.ignoreCase);
    else if (ch === "[") [text, i] = translateClass(pattern, i, state.ignoreCase);
    else if (ch === "(") [text, i] = translateGroupOpen(pattern, i, state);
    else if (ch === ")") {
      if (state.outer.length === 0) fail(`unexpected ): \`${pattern}\``);
      state.ignoreCase = state.outer.pop()!;
      [text, i] = [")", i + 1];
    } else if (ch === "{") {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat) checkRepeat(repeat);
      [text, i] = repeat ? [repeat[0], i + repeat[0].length] : ["\\{", i + 1];
    } else {
      const variants = state.ignoreCase ? caseVariants(ch) : "";
      [text, i] = [variants ? `[${ch}${variants}]` : ch === "}" || ch === "]" ? `\\${ch}` : ch, i + 1];
    }
    out += text;
  }
  if (state.outer.length > 0) fail(`missing closing ): \`${pattern}\``);
  return out;
}

function checkRepeat(repeat: RegExpExecArray): void {
  const min = Number(repeat[1]);
  const max = repeat[3] ? Number(repeat[3]) : min;
  if (min > 1000 || max > 1000) fail(`invalid repeat count: \`${repeat[0]}\``);
  if (max < min) fail(`invalid repeat count: \`${repeat[0]}\``);
}

function translateGroupOpen(pattern: string, i: number, state: CaseState): [string, number] {
  if (pattern[i + 1] !== "?") {
    state.outer.push(state.ignoreCase);
    return ["(", i + 1];
  }
  const rest = pattern.slice(i);
  const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
  const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))/.exec(rest);
  if (!named && !flags) fail(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
  if (named) {
    state.outer.push(state.ignoreCase);
    return [`(?<${named[1]}>`, i + named[0].length];
  }
  const [whole, on = "", off = "", end] = flags!;
  if (/[^is]/.test(on + off)) fail(`invalid or unsupported Perl syntax: \`${whole}\` (only the i and s flags are supported)`);
  // `s` is on for the whole pattern already, as in Prometheus; only `i` changes anything here.
  const ignoreCase = on.includes("i") ? true : off.includes("i") ? false : state.ignoreCase;
  if (end === ")") {
    state.ignoreCase = ignoreCase;
    return ["", i + whole.length];
  }
  state.outer.push(state.ignoreCase);
  state.ignoreCase = ignoreCase;
  return ["(?:", i + whole.length];
}
