import type { CommandContext } from "../commandTypes";
import { resolvePath } from "../fakeFs";

const fileTests: Record<string, (kind: "file" | "dir" | undefined, size: number) => boolean> = {
  "-e": (kind) => kind !== undefined,
  "-f": (kind) => kind === "file",
  "-d": (kind) => kind === "dir",
  "-s": (kind, size) => kind !== undefined && size > 0,
  "-r": (kind) => kind !== undefined,
  "-w": (kind) => kind !== undefined,
  "-x": (kind) => kind === "dir",
};

const integerOps: Record<string, (a: number, b: number) => boolean> = {
  "-eq": (a, b) => a === b, "-ne": (a, b) => a !== b, "-lt": (a, b) => a < b,
  "-le": (a, b) => a <= b, "-gt": (a, b) => a > b, "-ge": (a, b) => a >= b,
};

/** test / [ with the usual unary file and string tests and binary comparisons; 2 on misuse. */
export function testExpression(args: string[], ctx: CommandContext): number {
  if (args[0] === "!") return testExpression(args.slice(1), ctx) === 0 ? 1 : 0;
  if (args.length === 0) return 1;
  if (args.length === 1) return args[0] !== "" ? 0 : 1;
  if (args.length === 2) return unary(args[0]!, args[1]!, ctx);
  if (args.length === 3) return binary(args[0]!, args[1]!, args[2]!, ctx);
  ctx.stderr.write(`${ctx.scope.shellName}: test: too many arguments\n`);
  return 2;
}

function unary(op: string, operand: string, ctx: CommandContext): number {
  if (op === "-z") return operand === "" ? 0 : 1;
  if (op === "-n") return operand !== "" ? 0 : 1;
  const check = fileTests[op];
  if (!check) {
    ctx.stderr.write(`${ctx.scope.shellName}: test: ${op}: unary operator expected\n`);
    return 2;
  }
  const node = ctx.host.fs.stat(resolvePath(ctx.scope.cwd, operand));
  const size = node?.kind === "file" ? (typeof node.content === "string" ? node.content.length : 1) : 0;
  return check(node?.kind, size) ? 0 : 1;
}

function binary(left: string, op: string, right: string, ctx: CommandContext): number {
  if (op === "=" || op === "==") return left === right ? 0 : 1;
  if (op === "!=") return left !== right ? 0 : 1;
  const compare = integerOps[op];
  if (!compare) {
    ctx.stderr.write(`${ctx.scope.shellName}: test: ${op}: binary operator expected\n`);
    return 2;
  }
  if (!/^-?\d+$/.test(left) || !/^-?\d+$/.test(right)) {
    ctx.stderr.write(`${ctx.scope.shellName}: test: integer expression expected\n`);
    return 2;
  }
  return compare(Number(left), Number(right)) ? 0 : 1;
}
