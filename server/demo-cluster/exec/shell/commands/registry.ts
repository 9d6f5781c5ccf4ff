import type { Command } from "../commandTypes";
import { builtinCommands } from "./builtins";
import { environmentCommands } from "./environment";
import { fileCommands } from "./files";
import { identityCommands } from "./identity";
import { processCommands } from "./processes";
import { resourceCommands } from "./resources";
import { textCommands } from "./text";
import { topCommands } from "./top";

/** Every command the sandboxed shell knows; anything else is "not found". */
export const commandRegistry: ReadonlyMap<string, Command> = new Map(Object.entries({
  ...builtinCommands, ...environmentCommands, ...fileCommands, ...identityCommands,
  ...processCommands, ...resourceCommands, ...textCommands, ...topCommands,
}));

/** Programs that show up in /bin (builtins like cd and exit do not). */
export function binaryNames(hasBash: boolean): string[] {
  const notFiles = new Set(["cd", "exit", "export", "unset", ":", "command", "type"]);
  return [...commandRegistry.keys()].filter((name) => !notFiles.has(name) && (hasBash || name !== "bash") && name !== "[").sort();
}
