import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { suite } from "./suiteContext";

const run = promisify(execFile);

/** The machine's kubectl against the suite's demo cluster, as its admin. */
export async function kubectl(args: string[], stdin?: string): Promise<string> {
  const child = run("kubectl", ["--kubeconfig", suite().kubeconfig, ...args], { timeout: 30_000 });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  try {
    return (await child).stdout.trim();
  } catch (error) {
    throw new Error(`kubectl ${args.join(" ")} failed: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}`);
  }
}
