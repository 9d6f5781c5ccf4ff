import type { Command } from "../commandTypes";
import { builtinNames } from "./builtins";

const env: Command = async (ctx) => {
  const args = ctx.argv.slice(1);
  const vars = args[0] === "-i" ? new Map<string, string>() : new Map(ctx.env);
  let i = args[0] === "-i" ? 1 : 0;
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]!); i++) {
    const eq = args[i]!.indexOf("=");
    vars.set(args[i]!.slice(0, eq), args[i]!.slice(eq + 1));
  }
  if (i < args.length) return ctx.shell.runArgv(args.slice(i), { ...ctx, env: vars });
  for (const [name, value] of vars) ctx.stdout.write(`${name}=${value}\n`);
  return 0;
};

const printenv: Command = ({ argv, env: vars, stdout }) => {
  const names = argv.slice(1);
  if (names.length === 0) {
    for (const [name, value] of vars) stdout.write(`${name}=${value}\n`);
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const value = vars.get(name);
    if (value === undefined) status = 1;
    else stdout.write(`${value}\n`);
  }
  return status;
};

/** which, command -v and type all answer "where is this program?". */
function locate(name: string, ctx: Parameters<Command>[0]): string | undefined {
  if (name === "bash" && !ctx.host.facts.traits.hasBash) return undefined;
  return ctx.host.fs.stat(`/bin/${name}`) ? `/bin/${name}` : undefined;
}

const which: Command = (ctx) => {
  let status = 0;
  for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith("-"))) {
    const path = locate(name, ctx);
    if (path) ctx.stdout.write(`${path}\n`);
    else status = 1;
  }
  return status;
};

const command: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] !== "-v" && args[0] !== "-V") return args.length ? ctx.shell.runArgv(args, ctx) : 0;
  let status = 0;
  for (const name of args.slice(1)) {
    const found = builtinNames.has(name) ? name : locate(name, ctx);
    if (found) ctx.stdout.write(args[0] === "-v" ? `${found}\n` : `${name} is ${builtinNames.has(name) ? "a shell builtin" : found}\n`);
    else status = 1;
  }
  return status;
};

const type: Command = (ctx) => {
  let status = 0;
  for (const name of ctx.argv.slice(1)) {
    const path = builtinNames.has(name) ? undefined : locate(name, ctx);
    if (builtinNames.has(name)) ctx.stdout.write(`${name} is a shell builtin\n`);
    else if (path) ctx.stdout.write(`${name} is ${path}\n`);
    else {
      ctx.stderr.write(`${ctx.scope.shellName}: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

export const environmentCommands: Record<string, Command> = { env, printenv, which, command, type };
