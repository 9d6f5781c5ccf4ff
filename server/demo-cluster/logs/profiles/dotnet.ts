import type { LineContext, LogProfile } from "./types";
import { levelFor, randomRequest } from "./vocabulary";

// An ASP.NET Core service with the console logger's single-line format: "info: Category[0] message".

const levels = { info: "info", warn: "warn", error: "fail", debug: "dbug" } as const;
const entry = (level: keyof typeof levels, category: string, msg: string) => `${levels[level]}: ${category}[0] ${msg}`;

const banner = [
  ["cartservice.Startup", "Connecting to Redis: redis:6379"],
  ["Microsoft.Hosting.Lifetime", "Now listening on: http://[::]:7070"],
  ["Microsoft.Hosting.Lifetime", "Application started. Press Ctrl+C to shut down."],
  ["Microsoft.Hosting.Lifetime", "Hosting environment: Production"],
  ["Microsoft.Hosting.Lifetime", "Content root path: /app"],
] as const;

/** A C# service: ASP.NET Core console lines, and a .NET exception with its stack when it crashes. */
export const dotnetProfile: LogProfile = {
  name: "dotnet",
  language: "dotnet",
  startupLines: banner.length,
  startup(ctx: LineContext) {
    const [category, msg] = banner[ctx.index]!;
    return entry("info", category, msg);
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    const user = rng.hex(8);
    if (level === "warn") return entry("warn", "cartservice.cartstore.RedisCartStore", `Redis answered in ${rng.int(300, 2000)} ms for user ${user}`);
    if (level === "error") return entry("error", "Grpc.AspNetCore.Server.ServerCallHandler", "Error when executing service method 'GetCart'. StackExchange.Redis.RedisTimeoutException: Timeout performing HMGET");
    if (level === "debug") return entry("debug", "cartservice.services.CartService", `GetCartAsync called with userId=${user}`);
    const req = randomRequest(rng);
    return entry("info", "Microsoft.AspNetCore.Hosting.Diagnostics", `Request finished HTTP/2 POST http://cartservice:7070/hipstershop.CartService/${rng.pick(["GetCart", "AddItem", "EmptyCart"])} - ${req.status === 200 ? 200 : req.status} - application/grpc ${req.durationMs}.${rng.int(1000, 9999)}ms`);
  },
  memoryWarning(_ctx, usedPercent) {
    return entry("warn", "cartservice.Diagnostics", `GC heap at ${usedPercent}% of the container limit after a gen2 collection`);
  },
  crash() {
    return [
      entry("error", "Microsoft.Extensions.Hosting.Internal.Host", "Hosting failed to start"),
      "Unhandled exception. StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). UnableToConnect on redis:6379/Interactive",
      "   at StackExchange.Redis.ConnectionMultiplexer.ConnectImpl(ConfigurationOptions configuration, TextWriter writer)",
      "   at cartservice.cartstore.RedisCartStore.EnsureRedisConnected() in /app/cartstore/RedisCartStore.cs:line 75",
      "   at Program.<Main>$(String[] args) in /app/Program.cs:line 42",
    ];
  },
  oomKilled(ctx) {
    return [entry("warn", "cartservice.Diagnostics", `GC heap at 99% of the container limit; allocations are failing (${ctx.rng.int(1, 9)} OutOfMemoryException so far)`)];
  },
  shutdown() {
    return [entry("info", "Microsoft.Hosting.Lifetime", "Application is shutting down...")];
  },
};
