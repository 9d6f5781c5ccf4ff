import { describe, expect, test } from "vitest";
import type { LogRun } from "../containerRuns";
import { Rng } from "../rng";
import { selectProfile } from "./selectProfile";

const run: LogRun = { seed: 1, containerSeed: 2, podName: "p", namespace: "n", containerName: "c", image: "x", startMs: 0, outcome: "running", exitCode: 0, oomProne: false };
const steadyLines = (image: string) =>
  Array.from({ length: 200 }, (_, index) => selectProfile(image).steady({ rng: new Rng(index), timeMs: Date.parse("2025-03-01T10:00:00Z") + index * 1000, index: index + 20, run }));

describe("selectProfile", () => {
  test("picks a profile by what the image is", () => {
    expect(selectProfile("docker.io/library/nginx:1.27").name).toBe("nginx");
    expect(selectProfile("bitnami/redis:7.2").name).toBe("redis");
    expect(selectProfile("postgres:16-alpine").name).toBe("postgres");
    expect(selectProfile("busybox:1.36").name).toBe("shell");
    expect(selectProfile("example/checkout-go:3").name).toBe("json");
  });

  test("nginx writes combined-format access lines", () => {
    expect(steadyLines("nginx:1.27").filter((l) => /^\d+\.\d+\.\d+\.\d+ - - \[01\/Mar\/2025:10:0\d:\d\d \+0000\] "(GET|POST|PUT|DELETE) \S+ HTTP\/1\.1" \d{3} \d+ /.test(l)).length).toBeGreaterThan(150);
  });

  test("structured logs are JSON with level, ts and msg", () => {
    for (const line of steadyLines("example/checkout-go:3")) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(["debug", "info", "warn", "error"]).toContain(parsed.level);
      expect(typeof parsed.ts).toBe("number");
      expect(typeof parsed.msg).toBe("string");
    }
  });

  test("one app colours its levels with ANSI escapes and the plain one uses INFO/WARN/ERROR", () => {
    expect(steadyLines("node:20").every((l) => l.includes("\x1b["))).toBe(true);
    const plain = steadyLines("example/java-spring:1");
    expect(plain.some((l) => / INFO /.test(l)) && plain.some((l) => / WARN /.test(l)) && plain.some((l) => / ERROR /.test(l))).toBe(true);
    expect(plain.some((l) => l.includes("\x1b["))).toBe(false);
  });
});
