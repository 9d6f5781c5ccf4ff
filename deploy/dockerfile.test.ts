import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// No Docker engine runs where the tests run, so the Dockerfile is read instead: every file it copies must
// exist (or be made by the build stage), and every command must be one this repository documents.
const repoRoot = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text.replace(/\\\n/g, " ").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of logical) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (keyword.toUpperCase() === "FROM") {
      const [image = "", as, name] = rest;
      stages.push({ image, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** COPY's sources and destination, with --from= / --chown= options apart. */
function parseCopy(args: string): { from?: string; sources: string[] } {
  const words = args.split(/\s+/);
  const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
  const paths = words.filter((word) => !word.startsWith("--"));
  return { from, sources: paths.slice(0, -1) };
}

const stages = parseDockerfile(read("deploy/Dockerfile"));
const [build, runtime] = [stages[0]!, stages.at(-1)!];
const ignored = read(".dockerignore").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
const runs = (stage: Stage) => stage.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args);

// What the build stage makes that is not in the repository, and the documented command that makes it.
const builtOutputs: Record<string, RegExp> = {
  node_modules: /^npm install\b/,
  ".next": /\bnpm run build\b/,
  dist: /\bnpm run build\b/,
};

describe("deploy/Dockerfile", () => {
  test("builds in one stage and runs in another, as a non-root user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe("build");
    const user = runtime.instructions.filter((i) => i.keyword === "USER").at(-1)?.args ?? "root";
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  test("copies into the build only what the repository holds", () => {
    for (const copy of build.instructions.filter((i) => i.keyword === "COPY").map((i) => parseCopy(i.args))) {
      expect(copy.from).toBeUndefined();
      for (const source of copy.sources) expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
    }
  });

  test("copies into the image only what the repository holds or the build made", () => {
    const copies = runtime.instructions.filter((i) => i.keyword === "COPY").map((i) => parseCopy(i.args));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.from).toBe(build.name);
      for (const source of copy.sources) {
        const relative = path.relative("/app", source);
        const made = builtOutputs[relative];
        if (made) expect(runs(build).some((command) => made.test(command)), `${relative} is made by the build stage`).toBe(true);
        else {
          expect(existsSync(path.join(repoRoot, relative)), `${relative} exists in the repository`).toBe(true);
          expect(ignored, `${relative} reaches the build (.dockerignore)`).not.toContain(relative);
        }
      }
    }
  });

  test("installs the way CI does, never with npm ci", () => {
    // .ci/run times each stage: `stage install npm install …`; the install command is what follows the label.
    const ciInstall = read(".ci/run").match(/^(?:stage install )?(npm install\b.*)$/m)?.[1];
    expect(ciInstall).toBeDefined();
    expect(runs(build)).toContain(ciInstall);
    expect(stages.flatMap(runs).join("\n")).not.toMatch(/\bnpm ci\b/);
  });

  test("runs only npm scripts that package.json defines", () => {
    for (const [, script] of stages.flatMap(runs).join("\n").matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(packageJson.scripts)).toContain(script);
  });

  test("starts the server the way npm start does", () => {
    const entrypoint = JSON.parse(runtime.instructions.find((i) => i.keyword === "ENTRYPOINT")!.args) as string[];
    expect(entrypoint.join(" ")).toBe(packageJson.scripts.start);
  });

  test("builds from a clean tree: the host's installs and outputs stay out of the build context", () => {
    for (const output of Object.keys(builtOutputs)) expect(ignored).toContain(output);
  });
});
