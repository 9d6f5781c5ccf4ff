import type { LineContext, LogProfile } from "./types";
import { epochSeconds } from "./timeFormats";
import { levelFor, randomRequest } from "./vocabulary";

const json = (ctx: LineContext, level: string, caller: string, msg: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ level, ts: epochSeconds(ctx.timeMs), caller, msg, ...fields });

const banner = [
  ["cmd/server/main.go:41", "starting", { version: "v1.14.2", commit: "9f1c2ab", goVersion: "go1.22.5" }],
  ["internal/config/load.go:77", "configuration loaded", { source: "/etc/app/config.yaml" }],
  ["internal/db/pool.go:52", "database pool ready", { maxConns: 20 }],
  ["cmd/server/main.go:88", "listening", { addr: ":8080" }],
] as const;

const warnings = ["slow upstream response", "retrying request", "cache miss ratio above threshold", "queue depth growing"];
const errors = ["upstream returned an error", "context deadline exceeded", "failed to publish event", "database query failed"];

/** A Go service logging zap-style JSON: level, ts, caller, msg and fields. */
export const structuredJsonProfile: LogProfile = {
  name: "json",
  language: "go",
  startupLines: banner.length,
  startup(ctx) {
    const [caller, msg, fields] = banner[ctx.index]!;
    return json(ctx, "info", caller, msg, fields);
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    const req = randomRequest(rng);
    const traceId = rng.hex(32);
    if (level === "warn") return json(ctx, "warn", "internal/client/retry.go:63", rng.pick(warnings), { attempt: rng.int(1, 4), traceId });
    if (level === "error") return json(ctx, "error", "internal/http/handler.go:142", rng.pick(errors), { error: "dial tcp 10.96.41.7:5432: connect: connection refused", traceId });
    if (level === "debug") return json(ctx, "debug", "internal/cache/lru.go:31", "cache hit", { key: `product:${rng.int(1, 9999)}` });
    return json(ctx, "info", "internal/http/middleware.go:58", "request served", { method: req.method, path: req.path, status: req.status, duration_ms: req.durationMs, traceId });
  },
  memoryWarning(ctx, usedPercent) {
    const heapMiB = Math.round(usedPercent * 5.12);
    return json(ctx, "warn", "internal/runtime/watchdog.go:44", "heap usage growing", { heapAllocMiB: heapMiB, limitMiB: 512, usedPercent, numGC: ctx.index });
  },
  crash(ctx) {
    const goroutine = ctx.rng.int(20, 400);
    return [
      json(ctx, "error", "internal/orders/service.go:140", "reserve failed", { error: "inventory item is nil" }),
      "panic: runtime error: invalid memory address or nil pointer dereference",
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b1f2a]",
      "",
      `goroutine ${goroutine} [running]:`,
      "example.com/shop/internal/orders.(*Service).Reserve(0xc0001a4000, {0x8a1f40, 0xc00031e0f0}, 0xc000412180)",
      "\t/src/internal/orders/service.go:142 +0x2a",
      "example.com/shop/internal/http.(*Handler).Checkout(0xc000118a80, {0x8a0c20, 0xc0004a01c0}, 0xc0003c8000)",
      "\t/src/internal/http/handler.go:97 +0x1c5",
      "net/http.HandlerFunc.ServeHTTP(0x0?, {0x8a0c20?, 0xc0004a01c0?}, 0x0?)",
      "\t/usr/local/go/src/net/http/server.go:2171 +0x29",
      "created by net/http.(*Server).Serve in goroutine 1",
      "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4",
    ];
  },
  oomKilled(ctx) {
    return [json(ctx, "warn", "internal/runtime/watchdog.go:44", "heap usage near limit, GC cannot keep up", { heapAllocMiB: 509, limitMiB: 512 })];
  },
  shutdown(ctx) {
    return [
      json(ctx, "info", "cmd/server/main.go:102", "signal received, shutting down", { signal: "terminated" }),
      json(ctx, "info", "cmd/server/main.go:115", "server stopped", { drainedRequests: ctx.rng.int(0, 12) }),
    ];
  },
};
