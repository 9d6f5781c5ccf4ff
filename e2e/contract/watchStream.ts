import type { ContractTarget } from "./target";

/** One line of a watch: `{"type": …, "object": …}`. */
export interface WatchLine {
  type: string;
  object: {
    kind?: string;
    apiVersion?: string;
    code?: number;
    reason?: string;
    message?: string;
    metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> };
    [field: string]: unknown;
  };
}

/** An open watch read line by line as the server sends it. */
export interface OpenWatch {
  status: number;
  contentType: string;
  /** Every line so far, in the order received. */
  readonly lines: WatchLine[];
  /** The next line (after those already taken) that `accept` likes; fails when the stream ends first or time runs out. */
  next(what: string, accept?: (line: WatchLine) => boolean, timeoutMs?: number): Promise<WatchLine>;
  /** Resolves with every line once the server ends the stream; fails if it is still open after `timeoutMs`. */
  untilEnd(timeoutMs: number): Promise<WatchLine[]>;
  close(): void;
}

/** Starts a watch through Orrery's connection; the path carries watch=1 and its options. */
export async function openWatch(target: ContractTarget, path: string): Promise<OpenWatch> {
  const abort = new AbortController();
  const res = await target.connection.request(path, { signal: abort.signal });
  const lines: WatchLine[] = [];
  const wakers = new Set<() => void>();
  let ended = false;
  let partial = "";
  const wake = () => {
    for (const waker of [...wakers]) waker();
  };
  res.body.setEncoding("utf8");
  res.body.on("data", (chunk: string) => {
    partial += chunk;
    const parts = partial.split("\n");
    partial = parts.pop() ?? "";
    for (const part of parts) if (part.trim() !== "") lines.push(parseLine(part));
    wake();
  });
  const finish = () => {
    ended = true;
    wake();
  };
  res.body.on("end", finish);
  res.body.on("close", finish);
  res.body.on("error", finish);
  let cursor = 0;
  const waitFor = <T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`watch ${path}: no ${what} within ${timeoutMs} ms; lines so far: ${summarize(lines)}`)), timeoutMs);
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        wakers.delete(poll);
        if (error) reject(error);
        else resolve(value as T);
      };
      const poll = () => {
        try {
          const value = check();
          if (value !== undefined) done(undefined, value);
          else if (ended) done(new Error(`watch ${path} ended before ${what}; lines: ${summarize(lines)}`));
        } catch (error) {
          done(error as Error);
        }
      };
      wakers.add(poll);
      poll();
    });
  return {
    status: res.status,
    contentType: String(res.headers["content-type"] ?? ""),
    lines,
    next: (what, accept = () => true, timeoutMs = 15_000) =>
      waitFor(what, timeoutMs, () => {
        while (cursor < lines.length) {
          const line = lines[cursor++]!;
          if (accept(line)) return line;
        }
        return undefined;
      }),
    untilEnd: (timeoutMs) => waitFor("end of the stream", timeoutMs, () => (ended ? lines : undefined)),
    close: () => abort.abort(),
  };
}

function parseLine(text: string): WatchLine {
  try {
    return JSON.parse(text) as WatchLine;
  } catch {
    return { type: "UNPARSEABLE", object: { message: text.slice(0, 200) } };
  }
}

/** Type, name and resourceVersion of each line, for failure messages. */
export function summarize(lines: readonly WatchLine[]): string {
  if (lines.length === 0) return "(none)";
  return lines.map((l) => `${l.type}:${l.object.metadata?.name ?? l.object.kind ?? "?"}@${l.object.metadata?.resourceVersion ?? l.object.code ?? "?"}`).join(" ");
}
