// The import graph of Orrery's own code, read with the TypeScript compiler (the same path aliases as the build).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const repoRoot = path.resolve(__dirname, "..");

/** Source folders whose imports must form no circle, and the top-level files beside them. */
export const sourceRoots = ["server", "lib", "components", "app"];
const topLevelFiles = ["proxy.ts"];

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(repoRoot, "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, repoRoot).options;
}

function sourceFilesUnder(dir: string): string[] {
  return (readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[])
    .filter((entry) => /\.tsx?$/.test(entry) && !entry.endsWith(".d.ts"))
    .map((entry) => path.join(repoRoot, dir, entry));
}

/** Static import and re-export specifiers, type-only ones included: a circle of types is still a circle of parts. */
function importSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (specifier && ts.isStringLiteral(specifier)) specifiers.push(specifier.text);
  }
  return specifiers;
}

/** Repository-relative file → the repository files it imports (packages left out). */
export function buildImportGraph(roots: readonly string[] = sourceRoots): Map<string, string[]> {
  const options = compilerOptions();
  const files = [...roots.flatMap(sourceFilesUnder), ...topLevelFiles.map((file) => path.join(repoRoot, file))];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of importSpecifiers(file)) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes(`${path.sep}node_modules${path.sep}`)) continue;
      targets.add(path.relative(repoRoot, resolved.resolvedFileName));
    }
    graph.set(path.relative(repoRoot, file), [...targets].sort());
  }
  return graph;
}

/** Every group of files that import each other in a circle (strongly connected components, Tarjan), as one cycle each. */
export function findImportCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    lowLink.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(next)!));
      } else if (onStack.has(next)) lowLink.set(file, Math.min(lowLink.get(file)!, index.get(next)!));
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(cyclePath(graph, new Set(component)));
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

// One concrete circle through a component, for a message a person can follow: a → b → … → a.
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const trail = [file];
        while (trail[0] !== start) trail.unshift(previous.get(trail[0]!)!);
        return [...trail, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [...component];
}
