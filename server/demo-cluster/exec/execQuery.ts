import { parseBool } from "../logs/logQuery";
import { badRequest } from "../logs/statusError";

/** PodExecOptions / PodAttachOptions from the query string. */
export interface StreamQuery {
  command: string[];
  container?: string;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export type StreamKind = "exec" | "attach";

export function parseStreamQuery(params: URLSearchParams, kind: StreamKind): StreamQuery {
  const tty = parseBool(params, "tty");
  const query: StreamQuery = {
    command: params.getAll("command"),
    container: params.get("container") || undefined,
    stdin: parseBool(params, "stdin"),
    stdout: parseBool(params, "stdout"),
    // A terminal has one output stream: like the kubelet, tty wins over stderr.
    stderr: parseBool(params, "stderr") && !tty,
    tty,
  };
  if (kind === "exec" && query.command.length === 0) throw badRequest("you must specify at least 1 command");
  if (!query.stdin && !query.stdout && !parseBool(params, "stderr")) throw badRequest("you must specify at least 1 of stdin, stdout, stderr");
  return query;
}
