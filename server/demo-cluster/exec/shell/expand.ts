import type { ShellHost, ShellScope } from "./commandTypes";
import { expandGlob, hasGlob, unescapePattern } from "./glob";
import type { Word } from "./lexer";

export interface ExpandContext {
  scope: ShellScope;
  host: ShellHost;
  /** Runs $(…) and returns its output. */
  substitute(script: string): Promise<string>;
}

interface Field {
  text: string;
  pattern: string;
  globbable: boolean;
}

function parameter(name: string, ctx: ExpandContext): string {
  const { scope } = ctx;
  switch (name) {
    case "?": return String(scope.lastStatus);
    case "$": return String(ctx.host.shellPid);
    case "#": return String(scope.positional.length);
    case "0": return scope.shellName;
    case "@":
    case "*": return scope.positional.join(" ");
    case "!": return "";
    default:
      if (/^[1-9]$/.test(name)) return scope.positional[Number(name) - 1] ?? "";
      return scope.vars.get(name) ?? "";
  }
}

const escapeGlob = (text: string) => text.replace(/[\\*?[]/g, "\\$&");

/** Expands one word into fields: parameters, $(…), ~, field splitting and globbing, as sh does. */
export async function expandWord(word: Word, ctx: ExpandContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const append = (text: string, pattern: string, globbable = false) => {
    current ??= { text: "", pattern: "", globbable: false };
    current.text += text;
    current.pattern += pattern;
    current.globbable ||= globbable;
  };
  const close = () => {
    if (current) fields.push(current);
    current = undefined;
  };
  for (const part of word.parts) {
    if (part.kind === "tilde") append(ctx.scope.vars.get("HOME") ?? "/root", escapeGlob(ctx.scope.vars.get("HOME") ?? "/root"));
    else if (part.kind === "text") append(part.text, part.quoted ? escapeGlob(part.text) : part.text, !part.quoted && hasGlob(part.text));
    else {
      const value = part.kind === "param" ? parameter(part.name, ctx) : await ctx.substitute(part.script);
      if (part.quoted) append(value, escapeGlob(value));
      else splitInto(value, append, close);
    }
  }
  close();
  return fields.flatMap((f) => {
    if (!f.globbable) return [f.text];
    const matches = expandGlob(ctx.host.fs, ctx.scope.cwd, f.pattern);
    return matches.length > 0 ? matches : [unescapePattern(f.pattern)];
  });
}

/** Field splitting on blanks: an unquoted expansion may make several arguments, or none. */
function splitInto(value: string, append: (text: string, pattern: string) => void, close: () => void): void {
  const pieces = value.split(/[ \t\n]+/);
  pieces.forEach((piece, index) => {
    if (index > 0) close();
    if (piece !== "") append(piece, escapeGlob(piece));
  });
}

export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(await expandWord(word, ctx)));
  return out;
}

/** Expansion without splitting or globbing: assignments and redirect targets. */
export async function expandToString(word: Word, ctx: ExpandContext): Promise<string> {
  let text = "";
  for (const part of word.parts) {
    if (part.kind === "tilde") text += ctx.scope.vars.get("HOME") ?? "/root";
    else if (part.kind === "text") text += part.text;
    else text += part.kind === "param" ? parameter(part.name, ctx) : await ctx.substitute(part.script);
  }
  return text;
}
