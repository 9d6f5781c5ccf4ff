import type { Difference } from "./differences";
import type { TargetName } from "./target";

/** Outcomes of one contract run, printed as one CONTRACT line at the end. */
export class Tally {
  private readonly passed: Record<TargetName, Set<string>> = { demo: new Set(), real: new Set() };
  private readonly skipped: Record<TargetName, Set<string>> = { demo: new Set(), real: new Set() };
  /** Differences that were checked and still differ. */
  private readonly confirmed = new Set<Difference>();

  constructor(
    private readonly expectationCount: number,
    private readonly differences: readonly Difference[],
  ) {}

  pass(target: TargetName, id: string): void {
    this.passed[target].add(id);
  }

  skip(target: TargetName, id: string): void {
    this.skipped[target].add(id);
  }

  differenceHolds(difference: Difference): void {
    this.confirmed.add(difference);
  }

  /** `CONTRACT expectations=N demo_passed=X real_passed=Y real_skipped=Z differences=D` */
  summaryLine(): string {
    return `CONTRACT expectations=${this.expectationCount} demo_passed=${this.passed.demo.size} real_passed=${this.passed.real.size} real_skipped=${this.skipped.real.size} differences=${this.differences.length}`;
  }

  /** The differences table, each marked with whether this run confirmed it. */
  differenceLines(): string[] {
    return this.differences.map((d) => `DIFFERENCE ${d.target} ${d.id} ${this.confirmed.has(d) ? "(still differs)" : "(not checked this run)"}: ${d.reason}`);
  }
}
