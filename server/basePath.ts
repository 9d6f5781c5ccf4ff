import { readFileSync } from "node:fs";
import path from "node:path";

/** The base path a production build of Next was made with, or undefined when there is no build to read. */
export function readBuiltBasePath(dir: string, readFile: (file: string) => string = (file) => readFileSync(file, "utf8")): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFile(path.join(dir, ".next", "routes-manifest.json")));
  } catch {
    return undefined;
  }
  const basePath = (manifest as { basePath?: unknown }).basePath;
  return typeof basePath === "string" ? basePath : "";
}

/**
 * Next fixes its base path when it builds; a different `--base-path` at start would serve pages at one
 * path and the stream at another, so the mismatch is refused with what to do instead.
 */
export function checkBasePath(configured: string, built: string | undefined): string | undefined {
  if (built === undefined || built === configured) return undefined;
  const shown = (value: string) => (value === "" ? '""' : value);
  return `--base-path ${shown(configured)} does not match the base path this build was made with (${shown(built)}): run "ORRERY_BASE_PATH=${configured} npm run build" first, or start with --base-path ${shown(built)}`;
}
