// Regenerates schemas.json, the field numbers of the Kubernetes types whose protobuf bodies the demo
// apiserver reads, from the .proto files of k8s.io/api and k8s.io/apimachinery in the Go module cache:
//   npx tsx server/demo-cluster/http/protobuf/generateSchemas.ts [/root/go/pkg/mod/k8s.io] [v0.32.13]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scalarTypes, type FieldSchema, type MessageSchemas } from "./schemaTypes";

const apiGroups = ["rbac/v1", "core/v1", "apps/v1", "batch/v1", "discovery/v1", "networking/v1", "policy/v1", "coordination/v1", "authorization/v1", "authentication/v1", "autoscaling/v1"];
const machinery = ["pkg/apis/meta/v1", "pkg/runtime", "pkg/runtime/schema", "pkg/util/intstr", "pkg/api/resource"];

interface ParsedFile {
  pkg: string;
  messages: Map<string, Map<number, FieldSchema>>;
}

const fieldLine = /^\s+(optional|repeated)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)/;
const mapLine = /^\s+map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)/;

function resolve(type: string, pkg: string): string {
  if (scalarTypes.has(type)) return type;
  return type.startsWith(".") ? type.slice(1) : `${pkg}.${type}`;
}

function parseProto(text: string): ParsedFile {
  const pkg = /^package ([\w.]+);/m.exec(text)![1]!;
  const messages = new Map<string, Map<number, FieldSchema>>();
  let current: Map<number, FieldSchema> | undefined;
  for (const line of text.split("\n")) {
    const start = /^message (\w+) \{/.exec(line);
    if (start) messages.set(`${pkg}.${start[1]}`, (current = new Map()));
    else if (/^\}/.test(line)) current = undefined;
    const field = current && fieldLine.exec(line);
    const map = current && mapLine.exec(line);
    if (field) current!.set(Number(field[4]), [field[3]!, resolve(field[2]!, pkg), field[1] === "repeated" ? "repeated" : "one"]);
    if (map) current!.set(Number(map[4]), [map[3]!, resolve(map[2]!, pkg), "map"]);
  }
  return { pkg, messages };
}

const goField = /^\t(\w+)\s+(\S+)\s+`(.*)`/;

/**
 * Go struct tags of the same types: a non-pointer scalar with `omitempty` is always encoded in protobuf
 * but omitted from JSON when zero, so the decoder must drop it to read what Go would. Returns
 * "Struct.protobufNumber" for each such field.
 */
function omittedWhenZero(dir: string): Set<string> {
  const out = new Set<string>();
  const sources = readdirSync(dir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go") && !f.startsWith("zz_") && !f.startsWith("generated"));
  for (const file of sources) {
    let struct: string | undefined;
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const start = /^type (\w+) struct \{/.exec(line);
      if (start) struct = start[1];
      else if (/^\}/.test(line)) struct = undefined;
      const field = struct && goField.exec(line);
      if (!field) continue;
      const json = /json:"([^"]*)"/.exec(field[3]!)?.[1] ?? "";
      const number = /protobuf:"\w+,(\d+),/.exec(field[3]!)?.[1];
      const goType = field[2]!;
      const scalarGo = !goType.startsWith("*") && !goType.startsWith("[]") && !goType.startsWith("map[");
      if (number && scalarGo && json.split(",").includes("omitempty")) out.add(`${struct}.${number}`);
    }
  }
  return out;
}

function main(): void {
  const root = process.argv[2] ?? "/root/go/pkg/mod/k8s.io";
  const version = process.argv[3] ?? "v0.32.13";
  const dirs = [...apiGroups.map((g) => path.join(root, `api@${version}`, g)), ...machinery.map((m) => path.join(root, `apimachinery@${version}`, m))];
  const files = dirs.map((dir) => parseProto(readFileSync(path.join(dir, "generated.proto"), "utf8")));
  const dropZero = new Map(dirs.map((dir, i) => [files[i]!.pkg, omittedWhenZero(dir)]));
  for (const file of files) {
    for (const [name, fields] of file.messages) {
      const struct = name.slice(file.pkg.length + 1);
      for (const [number, field] of fields) if (scalarTypes.has(field[1]) && field[2] === "one" && dropZero.get(file.pkg)!.has(`${struct}.${number}`)) field.push(true);
    }
  }
  const all = new Map(files.flatMap((f) => [...f.messages]));
  const wanted = files.filter((f) => f.pkg.startsWith("k8s.io.api.")).flatMap((f) => [...f.messages.keys()]);
  wanted.push("k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions", "k8s.io.apimachinery.pkg.runtime.Unknown");
  const out: MessageSchemas = {};
  const visit = (name: string) => {
    if (out[name] || !all.has(name)) return;
    out[name] = Object.fromEntries(all.get(name)!);
    for (const [, type] of all.get(name)!.values()) if (!scalarTypes.has(type)) visit(type);
  };
  wanted.forEach(visit);
  writeFileSync(path.join(__dirname, "schemas.json"), `${JSON.stringify(out)}\n`);
  process.stdout.write(`wrote ${Object.keys(out).length} message schemas\n`);
}

main();
