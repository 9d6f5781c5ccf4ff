import { chmod, mkdir, open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Person } from "../auth/person";
import { log } from "../log";
import { getRuntime } from "../runtime";

/** What an action was done to. */
export interface AuditTarget {
  /** Resource kind as the API names it, e.g. "deployments", "pods", "nodes", "embedtokens". */
  kind: string;
  namespace?: string;
  name?: string;
}

/** "denied" when Orrery or the apiserver refused it, "failure" when it was tried and failed. */
export type AuditResult = "success" | "failure" | "denied";

export interface AuditEntry {
  person: Pick<Person, "name" | "groups">;
  /** What was done, e.g. "scale", "delete", "exec", "attach", "node-shell", "embed-token.create". */
  action: string;
  target: AuditTarget;
  result: AuditResult;
  /** A short human note: replicas 2→5, the command run, the apiserver's refusal. */
  detail?: string;
}

/** One line of `<data-dir>/audit.log`. */
export interface AuditRecord {
  time: string;
  person: string;
  groups: string[];
  action: string;
  target: AuditTarget;
  result: AuditResult;
  detail?: string;
}

const maxDetailChars = 2_000;

export function toAuditRecord(entry: AuditEntry, now = new Date()): AuditRecord {
  const { kind, namespace, name } = entry.target;
  const record: AuditRecord = {
    time: now.toISOString(),
    person: entry.person.name,
    groups: [...entry.person.groups],
    action: entry.action,
    target: { kind, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}) },
    result: entry.result,
  };
  if (entry.detail !== undefined) record.detail = entry.detail.slice(0, maxDetailChars);
  return record;
}

/** An append-only JSON-lines file readable by its owner only; lines are written one at a time, in order. */
export class AuditLog {
  private handle: Promise<FileHandle> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Appends one record; JSON escaping keeps names with newlines or escape sequences on their one line. */
  append(record: AuditRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const written = this.queue.then(async () => {
      const handle = await this.openOnce();
      await handle.write(line);
    });
    this.queue = written.catch(() => undefined);
    return written;
  }

  async close(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }

  private openOnce(): Promise<FileHandle> {
    this.handle ??= (async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const handle = await open(this.file, "a", 0o600);
      // An audit log created earlier with wider permissions is narrowed too.
      await chmod(this.file, 0o600);
      return handle;
    })();
    this.handle.catch(() => (this.handle = undefined));
    return this.handle;
  }
}

// One writer per file for the whole process: the custom server and Next's bundle load this module separately.
const registryKey = Symbol.for("orrery.audit.logs");
type Registry = Map<string, AuditLog>;

export function auditLogFor(dataDir: string): AuditLog {
  const holder = globalThis as { [registryKey]?: Registry };
  const registry = (holder[registryKey] ??= new Map());
  const file = path.resolve(dataDir, "audit.log");
  let auditLog = registry.get(file);
  if (!auditLog) {
    auditLog = new AuditLog(file);
    registry.set(file, auditLog);
  }
  return auditLog;
}

/**
 * Records one audited action (today a pod shell's start and end, an embed token made or revoked): a JSON line in `<data-dir>/audit.log` and an entry in the
 * process log. Rejects when the file cannot be written, so a caller can refuse an action it cannot audit.
 */
export async function audit(entry: AuditEntry, dataDir: string = getRuntime().config.dataDir): Promise<void> {
  const record = toAuditRecord(entry);
  log.info({ audit: record }, `audit: ${record.person} ${record.action} ${record.target.kind} ${record.result}`);
  try {
    await auditLogFor(dataDir).append(record);
  } catch (err) {
    log.error({ err, audit: record }, "writing the audit log failed");
    throw err;
  }
}
