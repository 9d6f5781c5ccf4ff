// Bundles the custom server for production; node_modules stay external and are resolved at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["server/main.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
await build({
  entryPoints: ["server/demo-cluster/cli.ts"],
  outfile: "dist/demo-cluster.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
console.log("bundled dist/server.js and dist/demo-cluster.js");
