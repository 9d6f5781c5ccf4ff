import { differencesTable } from "./target/differences";
import { selectedTarget } from "./target/target";

// Printed once per run, before the files start: which target runs and every deliberate difference.
export default function setup(): void {
  process.stdout.write(`\n${differencesTable(selectedTarget())}\n\n`);
}
