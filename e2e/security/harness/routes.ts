import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./orreryProcess";

const appDir = path.join(repoRoot, "app");
const methodNames = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteFile {
  /** e.g. "app/api/resources/[kind]/[...path]/route.ts" */
  file: string;
  /** A concrete URL path for it, dynamic segments filled in. */
  urlPath: string;
  methods: string[];
}

function filesNamed(name: string): string[] {
  return (readdirSync(appDir, { recursive: true }) as string[]).filter((entry) => path.basename(entry) === name).map((entry) => path.join(appDir, entry)).sort();
}

// Dynamic segments get plausible values; route groups "(x)" do not appear in URLs.
const samples: Record<string, string> = { "[kind]": "pods", "[...path]": "shop/example", "[id]": "00000000-0000-0000-0000-000000000000", "[...nextauth]": "session" };

function urlPathOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  return `/${segments.map((segment) => samples[segment] ?? (segment.startsWith("[...") ? "a/b" : segment.startsWith("[") ? "x" : segment)).join("/")}`;
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(match[1]!);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const alias of block[1]!.matchAll(/as\s+([A-Z]+)/g)) found.add(alias[1]!);
  return methodNames.filter((method) => found.has(method));
}

/** Every route handler file under app/ with the methods it exports. */
export function routeFiles(): RouteFile[] {
  return filesNamed("route.ts").map((file) => ({ file: path.relative(repoRoot, file), urlPath: urlPathOf(file), methods: exportedMethods(readFileSync(file, "utf8")) }));
}

/** Every page under app/, as URL paths. */
export function pagePaths(): string[] {
  return filesNamed("page.tsx").map((file) => urlPathOf(file).replace(/\/$/, "") || "/");
}
