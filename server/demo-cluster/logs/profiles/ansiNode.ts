import type { LineContext, LogProfile } from "./types";
import { isoMillis } from "./timeFormats";
import { levelFor, randomRequest } from "./vocabulary";
import { programName } from "../../exec/shell/imageTraits";

// A Node.js service whose logger colours levels with ANSI escapes, as winston's colorize does.
const colours = { info: "\x1b[32m", warn: "\x1b[33m", error: "\x1b[31m", debug: "\x1b[34m" } as const;
const reset = "\x1b[39m";
const grey = "\x1b[90m";

const line = (ctx: LineContext, level: keyof typeof colours, msg: string) =>
  `${grey}${isoMillis(ctx.timeMs)}${reset} ${colours[level]}${level}${reset}: ${msg}`;

// npm's banner names the package: the program the image runs (storefront, currencyservice...).
const banner = ["> {program}@2.8.0 start", "> node server.js", "", "Connected to redis at redis:6379", "{program} listening on port 3000"];

export const ansiNodeProfile: LogProfile = {
  name: "ansi",
  language: "node",
  startupLines: banner.length,
  startup(ctx) {
    const text = banner[ctx.index]!.replace("{program}", programName(ctx.run.image));
    return ctx.index < 3 ? text : line(ctx, "info", text);
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    const req = randomRequest(rng);
    if (level === "warn") return line(ctx, "warn", `session store latency ${rng.int(200, 2000)}ms`);
    if (level === "error") return line(ctx, "error", `${req.method} ${req.path} failed: ECONNRESET`);
    if (level === "debug") return line(ctx, "debug", `render product-card in ${rng.int(1, 30)}ms`);
    const statusColour = req.status >= 500 ? colours.error : req.status >= 400 ? colours.warn : colours.info;
    return line(ctx, "info", `${req.method} ${req.path} ${statusColour}${req.status}${reset} ${req.durationMs}ms`);
  },
  memoryWarning(ctx, usedPercent) {
    return line(ctx, "warn", `heapUsed ${Math.round(usedPercent * 2.56)}MB of 256MB (${usedPercent}%), event loop lag ${ctx.rng.int(20, 400)}ms`);
  },
  crash() {
    return [
      "/app/server.js:88",
      "      throw new Error(`payment service unavailable: ${res.status}`);",
      "      ^",
      "",
      "Error: payment service unavailable: 503",
      "    at ClientRequest.<anonymous> (/app/server.js:88:13)",
      "    at ClientRequest.emit (node:events:519:28)",
      "    at HTTPParser.parserOnIncomingClient (node:_http_client:702:27)",
      "",
      "Node.js v20.15.0",
    ];
  },
  oomKilled(ctx) {
    return [line(ctx, "warn", "heap limit almost reached, mark-compact GC ineffective")];
  },
  shutdown(ctx) {
    return [line(ctx, "info", "SIGTERM received, closing server"), line(ctx, "info", "bye")];
  },
};
