// The security suite queries Orrery with Debian's promtool (package prometheus): install it when missing, or say how.
import { execFileSync, spawnSync } from "node:child_process";

const installCommand = "apt-get install -y prometheus";
const found = () => spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;

if (!found()) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`promtool is missing. Install it with: sudo ${installCommand}`);
    process.exit(1);
  }
  console.log(`promtool is missing; installing Debian's package (apt-get update && ${installCommand})`);
  try {
    execFileSync("sh", ["-c", `apt-get update && DEBIAN_FRONTEND=noninteractive ${installCommand} >/tmp/orrery-promtool-install.log 2>&1`], { stdio: "inherit" });
  } catch {
    console.error(`Installing promtool failed (log: /tmp/orrery-promtool-install.log). Run: ${installCommand}`);
    process.exit(1);
  }
  if (!found()) {
    console.error(`promtool is still missing after installing. Run: ${installCommand}`);
    process.exit(1);
  }
}
