import type { Reporter, TestModule } from "vitest/node";

/** Prints every attack the security suite tried, what it got, and whether the safe outcome held. */
export default class AttackReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        const mark = state === "passed" ? "SAFE  " : state === "failed" ? "UNSAFE" : "SKIP  ";
        const outcome = testCase.meta().outcome;
        lines.push(`${mark} ${testCase.fullName}${outcome ? `  →  ${outcome}` : ""}`);
      }
    }
    process.stdout.write(`\nAttacks tried (${lines.length}):\n${lines.join("\n")}\n\n`);
  }
}
