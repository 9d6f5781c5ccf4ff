import type { ExecTarget } from "@/lib/wire/exec";
import type { AuditEntry, AuditResult } from "../audit/audit";
import type { Person } from "../auth/person";
import type { ExecEnd } from "./execRelay";

/** Writes one audit record; rejects when it cannot, so the caller can refuse the exec. */
export type AuditWriter = (entry: AuditEntry) => Promise<void>;

function describeCommand(command: readonly string[]): string {
  return command.length > 0 ? `command ${JSON.stringify(command)}` : "interactive shell (bash, else sh)";
}

function base(person: Person, target: ExecTarget) {
  return { person: { name: person.name, groups: person.groups }, target: { kind: "pods", namespace: target.namespace, name: target.pod } };
}

/** The line written when an exec is tried: opened (success), refused by Orrery or the apiserver (denied), or failed. */
export function execStartEntry(person: Person, target: ExecTarget, container: string, result: AuditResult, why?: string): AuditEntry {
  const detail = `container ${container || "(default)"}, ${describeCommand(target.command)}${why ? `: ${why}` : ""}`;
  return { ...base(person, target), action: "exec", result, detail };
}

/** The line written when an opened exec ends: its exit code, or why it was cut off. */
export function execEndEntry(person: Person, target: ExecTarget, container: string, end: ExecEnd): AuditEntry {
  const how = end.kind === "exit" ? `exit code ${end.code}` : end.kind === "failure" ? `failed: ${end.message}` : `closed: ${end.reason}`;
  return { ...base(person, target), action: "exec.end", result: end.kind === "failure" ? "failure" : "success", detail: `container ${container || "(default)"}, ${describeCommand(end.command)}, ${how}` };
}
