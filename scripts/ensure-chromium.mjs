// Playwright drives Debian's Chromium (no browser downloads here): install it when missing, or say how.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.ORRERY_CHROMIUM ?? "/usr/bin/chromium";
const installCommand = "apt-get update && apt-get install -y chromium";

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing at ${chromium}. Install it with: sudo sh -c '${installCommand}'`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${chromium}; installing Debian's package (${installCommand})`);
  try {
    execFileSync("sh", ["-c", `${installCommand} >/tmp/orrery-chromium-install.log 2>&1`], { stdio: "inherit" });
  } catch {
    console.error(`Installing Chromium failed (log: /tmp/orrery-chromium-install.log). Run: ${installCommand}`);
    process.exit(1);
  }
  if (!existsSync(chromium)) {
    console.error(`Chromium is still missing at ${chromium} after installing. Run: ${installCommand}`);
    process.exit(1);
  }
}
