import { inject } from "vitest";

export interface SuiteUser {
  name: string;
  password: string;
  groups: string[];
}

/** What the global setup hands every security test: the running Orrery and who may log in. */
export interface SecuritySuiteContext {
  baseUrl: string;
  port: number;
  /** The demo cluster's admin kubeconfig, for creating hostile objects with kubectl. */
  kubeconfig: string;
  dataDir: string;
  usersFile: string;
  users: SuiteUser[];
}

declare module "vitest" {
  export interface ProvidedContext {
    orrery: SecuritySuiteContext;
  }
  interface TaskMeta {
    /** What the attack actually got, printed in the attack list. */
    outcome?: string;
  }
}

export function suite(): SecuritySuiteContext {
  return inject("orrery");
}

export function user(name: string): SuiteUser {
  const found = suite().users.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no suite user ${name}`);
  return found;
}

/** Records what an attack actually got, for the printed attack list. */
export function noteOutcome(task: { meta: { outcome?: string } }, outcome: string): void {
  task.meta.outcome = outcome;
}
