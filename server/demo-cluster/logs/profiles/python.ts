import type { LineContext, LogProfile } from "./types";
import { isoSpace } from "./timeFormats";
import { levelFor, randomRequest } from "./vocabulary";
import { programName } from "../../exec/shell/imageTraits";

// A Python gRPC service with the logging module's default-ish format: "2025-03-01 10:00:00,123 INFO [recommendation] msg".

const stamp = (ms: number) => isoSpace(ms).replace(".", ",");
const line = (ctx: LineContext, level: string, logger: string, msg: string) => `${stamp(ctx.timeMs)} ${level.toUpperCase()} [${logger}] ${msg}`;

// The logger is named after the program, as the Online Boutique's Python services name theirs.
const logger = (ctx: LineContext) => `${programName(ctx.run.image)}-server`;
const banner = ["initializing {program}", "profiler disabled.", "tracing disabled.", "listening on port: 8080"];

/** A Python service: logging-module lines, and a Traceback when it crashes. */
export const pythonProfile: LogProfile = {
  name: "python",
  language: "python",
  startupLines: banner.length,
  startup(ctx) {
    return line(ctx, "info", logger(ctx), banner[ctx.index]!.replace("{program}", programName(ctx.run.image)));
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    if (level === "warn") return line(ctx, "warning", logger(ctx), `product catalog answered in ${rng.int(500, 3000)} ms; serving cached products`);
    if (level === "error") return line(ctx, "error", "grpc._server", "Exception calling application: <_InactiveRpcError of RPC that terminated with: status = StatusCode.UNAVAILABLE>");
    if (level === "debug") return line(ctx, "debug", "urllib3.connectionpool", `Starting new HTTP connection (1): productcatalogservice:3550`);
    const req = randomRequest(rng);
    return line(ctx, "info", logger(ctx), `[Recv ListRecommendations] product_ids=['${rng.hex(10).toUpperCase()}'] in ${req.durationMs} ms`);
  },
  memoryWarning(ctx, usedPercent) {
    return line(ctx, "warning", logger(ctx), `resident memory at ${usedPercent}% of the container limit; cache holds ${ctx.rng.int(10000, 90000)} entries`);
  },
  crash(ctx) {
    return [
      "Traceback (most recent call last):",
      '  File "/app/server.py", line 127, in <module>',
      "    server.start()",
      '  File "/usr/local/lib/python3.12/site-packages/grpc/_server.py", line 1181, in start',
      "    _start(self._state)",
      '  File "/app/server.py", line 88, in ListRecommendations',
      "    cat_response = product_catalog_stub.ListProducts(demo_pb2.Empty())",
      "ConnectionRefusedError: [Errno 111] Connection refused",
      line(ctx, "error", logger(ctx), "server exited"),
    ];
  },
  oomKilled(ctx) {
    return [line(ctx, "warning", logger(ctx), "MemoryError risk: cache grew past the container limit")];
  },
  shutdown(ctx) {
    return [line(ctx, "info", logger(ctx), "received SIGTERM, stopping gRPC server"), line(ctx, "info", logger(ctx), "server stopped")];
  },
};
