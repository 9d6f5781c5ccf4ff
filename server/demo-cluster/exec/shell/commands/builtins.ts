import { type Command, type CommandContext, ExitSignal } from "../commandTypes";
import { resolvePath } from "../fakeFs";
import { testExpression } from "./testExpression";

const cd: Command = ({ argv, scope, host, stderr }) => {
  const home = scope.vars.get("HOME") ?? "/root";
  const target = argv[1] === undefined ? home : argv[1] === "-" ? (scope.vars.get("OLDPWD") ?? scope.cwd) : argv[1];
  const path = resolvePath(scope.cwd, target);
  const node = host.fs.stat(path);
  if (!node || node.kind !== "dir") {
    const reason = node ? "Not a directory" : "No such file or directory";
    stderr.write(scope.shellName === "bash" ? `bash: cd: ${target}: ${reason}\n` : `sh: cd: can't cd to ${target}: ${reason}\n`);
    return scope.shellName === "bash" ? 1 : 2;
  }
  scope.vars.set("OLDPWD", scope.cwd);
  scope.cwd = path;
  scope.vars.set("PWD", path);
  return 0;
};

const exit: Command = ({ argv, scope, stderr }) => {
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(scope.lastStatus);
  if (!/^-?\d+$/.test(arg)) {
    stderr.write(scope.shellName === "bash" ? `bash: exit: ${arg}: numeric argument required\n` : `sh: exit: Illegal number: ${arg}\n`);
    throw new ExitSignal(2);
  }
  throw new ExitSignal(((Number(arg) % 256) + 256) % 256);
};

const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

const exportVars: Command = ({ argv, scope, stdout }) => {
  if (argv.length === 1) {
    for (const [name, value] of [...scope.vars].sort(([a], [b]) => a.localeCompare(b))) stdout.write(`export ${name}=${quote(value)}\n`);
    return 0;
  }
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf("=");
    if (eq > 0) scope.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (!scope.vars.has(arg)) scope.vars.set(arg, "");
  }
  return 0;
};

const unset: Command = ({ argv, scope }) => {
  for (const name of argv.slice(1)) scope.vars.delete(name);
  return 0;
};

function unescapeEcho(text: string): { text: string; stop: boolean } {
  const stop = text.includes("\\c");
  const cut = stop ? text.slice(0, text.indexOf("\\c")) : text;
  const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", "\\": "\\", e: "\x1b" };
  return { text: cut.replace(/\\(0[0-7]{0,3}|[ntrab\\e])/g, (_, code: string) => (code.startsWith("0") ? String.fromCharCode(parseInt(code, 8) || 0) : map[code]!)), stop };
}

const echo: Command = ({ argv, stdout }) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes("n")) newline = false;
    if (args[0].includes("e")) escapes = true;
    args = args.slice(1);
  }
  const joined = args.join(" ");
  const { text, stop } = escapes ? unescapeEcho(joined) : { text: joined, stop: false };
  stdout.write(text + (newline && !stop ? "\n" : ""));
  return 0;
};

const pwd: Command = ({ scope, stdout }) => {
  stdout.write(`${scope.cwd}\n`);
  return 0;
};

const test: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  if (ctx.argv[0] === "[") {
    if (args.at(-1) !== "]") {
      ctx.stderr.write(`${ctx.scope.shellName}: [: missing ]\n`);
      return 2;
    }
    args.pop();
  }
  return testExpression(args, ctx);
};

const shell = (name: "sh" | "bash"): Command => (ctx: CommandContext) => ctx.shell.runShell(ctx, name);

export const builtinCommands: Record<string, Command> = {
  cd, exit, export: exportVars, unset, echo, pwd, test, "[": test,
  true: () => 0, false: () => 1, ":": () => 0,
  sh: shell("sh"), bash: shell("bash"),
};

/** Names that are shell builtins (for `type` and `command -v`). */
export const builtinNames = new Set(["cd", "exit", "export", "unset", "echo", "pwd", "test", "[", "true", "false", ":", "type", "command"]);
