import { parseEvalBlock } from "./parseEval";
import { parseLoadBlock } from "./parseLoad";
import { blockEnd, scriptLines } from "./scriptLines";
import type { ParsedScript } from "./scriptTypes";

/** Reads a promqltest script: blocks of `load`, `clear` and `eval`, each ending at a blank line. */
export function parseScript(text: string): ParsedScript {
  const lines = scriptLines(text);
  const script: ParsedScript = { commands: [], errors: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const word = line.split(/[\t ]+/, 1)[0]!.toLowerCase();
    if (word === "clear") {
      script.commands.push({ kind: "clear", line: i + 1 });
    } else if (word.startsWith("load")) {
      const block = parseLoadBlock(lines, i);
      if ("error" in block) script.errors.push({ line: block.errorLine + 1, message: block.error });
      else script.commands.push(block.command);
      i = block.last;
    } else if (word.startsWith("eval")) {
      const block = parseEvalBlock(lines, i);
      script.commands.push(block.command);
      i = block.last;
    } else {
      script.errors.push({ line: i + 1, message: `invalid command "${line}"` });
      i = blockEnd(lines, i);
    }
  }
  return script;
}
