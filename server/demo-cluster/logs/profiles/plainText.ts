import type { LineContext, LogProfile } from "./types";
import { isoSpace } from "./timeFormats";
import { levelFor, randomRequest } from "./vocabulary";

const line = (ctx: LineContext, level: string, thread: string, logger: string, msg: string) =>
  `${isoSpace(ctx.timeMs)} ${level.toUpperCase().padStart(5)} 1 --- [${thread.slice(-15).padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

const banner = [
  ["main", "c.e.orders.OrdersApplication", "Starting OrdersApplication v3.2.1 using Java 21.0.3 with PID 1"],
  ["main", "c.e.orders.OrdersApplication", 'No active profile set, falling back to 1 default profile: "default"'],
  ["main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 8080 (http)"],
  ["main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."],
  ["main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port 8080 (http) with context path ''"],
  ["main", "c.e.orders.OrdersApplication", "Started OrdersApplication in 6.412 seconds (process running for 7.03)"],
] as const;

/** A Java/Spring service: plain text lines with INFO/WARN/ERROR levels. */
export const plainTextProfile: LogProfile = {
  name: "plain",
  language: "java",
  startupLines: banner.length,
  startup(ctx) {
    const [thread, logger, msg] = banner[ctx.index]!;
    return line(ctx, "info", thread, logger, msg);
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    const thread = `nio-8080-exec-${rng.int(1, 10)}`;
    if (level === "warn") return line(ctx, "warn", thread, "c.e.orders.client.PaymentClient", `Payment gateway slow: ${rng.int(800, 5000)} ms, retrying (${rng.int(1, 3)}/3)`);
    if (level === "error") return line(ctx, "error", thread, "c.e.orders.web.OrderController", `Order ${rng.int(10000, 99999)} failed: org.springframework.dao.QueryTimeoutException: query did not complete within 5s`);
    if (level === "debug") return line(ctx, "info", "scheduling-1", "c.e.orders.jobs.ReconcileJob", `Reconciled ${rng.int(0, 80)} pending orders`);
    const req = randomRequest(rng);
    return line(ctx, "info", thread, "c.e.orders.web.RequestLogger", `${req.method} ${req.path} -> ${req.status} (${req.durationMs} ms)`);
  },
  memoryWarning(ctx, usedPercent) {
    return line(ctx, "warn", "gc-monitor", "c.e.orders.health.MemoryMonitor", `Heap usage ${usedPercent}% after full GC (old gen ${Math.round(usedPercent * 3.8)} MB of 384 MB)`);
  },
  crash(ctx) {
    return [
      line(ctx, "error", "main", "o.s.boot.SpringApplication", "Application run failed"),
      "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'orderRepository': Cannot resolve reference to bean 'dataSource'",
      "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:606)",
      "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)",
      "\tat com.example.orders.OrdersApplication.main(OrdersApplication.java:12)",
      "Caused by: java.net.ConnectException: Connection refused",
      "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
      "\t... 42 common frames omitted",
    ];
  },
  oomKilled(ctx) {
    return [line(ctx, "warn", "gc-monitor", "c.e.orders.health.MemoryMonitor", "GC overhead limit approaching: 98% of time spent in GC")];
  },
  shutdown(ctx) {
    return [
      line(ctx, "info", "ionShutdownHook", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete"),
      line(ctx, "info", "ionShutdownHook", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed."),
    ];
  },
};
