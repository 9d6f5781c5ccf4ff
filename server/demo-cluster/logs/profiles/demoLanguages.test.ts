import { describe, expect, test } from "vitest";
import type { LogRun } from "../containerRuns";
import { Rng } from "../rng";
import { startHarness } from "../../simulation/testHarness";
import { imageTraits } from "../../exec/shell/imageTraits";
import { imageLanguage } from "./imageLanguage";
import { selectProfile } from "./selectProfile";
import type { LogProfile } from "./types";

// Each demo workload's logs read like its program: a Go service never prints a Java stack trace.

const run: LogRun = { seed: 1, containerSeed: 2, podName: "p", namespace: "n", containerName: "c", image: "x", startMs: 0, outcome: "crashed", exitCode: 1, oomProne: false };

function everyLine(profile: LogProfile, image: string): string[] {
  const ctx = (index: number) => ({ rng: new Rng(index), timeMs: Date.parse("2025-03-01T10:00:00Z") + index * 1000, index, run: { ...run, image } });
  return [
    ...Array.from({ length: profile.startupLines }, (_, i) => profile.startup(ctx(i))),
    ...Array.from({ length: 300 }, (_, i) => profile.steady(ctx(i + 20))),
    profile.memoryWarning(ctx(400), 91),
    ...profile.crash(ctx(401)),
    ...profile.oomKilled(ctx(402)),
    ...profile.shutdown(ctx(403)),
  ];
}

// What only one language prints: a Java frame or exception, a Go panic, a Python traceback, a .NET frame.
const signatures: Record<string, RegExp> = {
  java: /^\tat [\w$.]+\(\w+\.java:\d+\)|springframework|java\.(net|lang)\./,
  go: /^goroutine \d+ \[|^panic: |\.go:\d+ \+0x/,
  python: /^Traceback \(most recent call last\):|\.py", line \d+/,
  dotnet: /^ {3}at .+ in \/.+\.cs:line \d+|^Unhandled exception\./,
};

function languagesSeenIn(lines: readonly string[]): string[] {
  return Object.entries(signatures).filter(([, pattern]) => lines.some((line) => pattern.test(line))).map(([language]) => language);
}

describe("demo logs by language", () => {
  const { store } = startHarness();
  const images = [...new Set(store.list("pods").flatMap((pod) => ((pod.spec as { containers?: { image: string }[] }).containers ?? []).map((c) => c.image)))];

  test("the well-known demo images are taken for the language they are written in", () => {
    const boutique = (name: string) => `gcr.io/google-samples/microservices-demo/${name}:v0.10.1`;
    expect(imageLanguage(boutique("checkoutservice"))).toBe("go");
    expect(imageLanguage(boutique("productcatalogservice"))).toBe("go");
    expect(imageLanguage(boutique("currencyservice"))).toBe("node");
    expect(imageLanguage(boutique("paymentservice"))).toBe("node");
    expect(imageLanguage(boutique("recommendationservice"))).toBe("python");
    expect(imageLanguage(boutique("cartservice"))).toBe("dotnet");
    expect(imageLanguage("registry.k8s.io/kube-proxy:v1.32.2")).toBe("go");
    expect(imageLanguage("quay.io/prometheus/prometheus:v2.54.1")).toBe("go");
    expect(imageLanguage("example/java-spring:1")).toBe("java");
  });

  test("every image of the demo logs, panics and crashes in its own language, and in no other", () => {
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) {
      const profile = selectProfile(image);
      const language = imageLanguage(image);
      expect(profile.language, image).toBe(language);
      const seen = languagesSeenIn(everyLine(profile, image));
      expect(seen.filter((other) => other !== language), `${image} (${profile.name}) prints another language's traces`).toEqual([]);
      if (language in signatures) expect(seen, `${image} (${profile.name}) crashes like a ${language} program`).toContain(language);
    }
  });

  test("the pod shell runs what the logs say: a Node service runs node, a Go one its binary", () => {
    const boutique = (name: string) => `gcr.io/google-samples/microservices-demo/${name}:v0.10.1`;
    expect(imageTraits(boutique("currencyservice")).defaultCommand).toEqual(["node", "server.js"]);
    expect(imageTraits(boutique("checkoutservice")).defaultCommand).toEqual(["/app/checkoutservice"]);
  });

  test("Kubernetes' own components log with klog", () => {
    const apiserver = images.find((image) => image.includes("kube-apiserver"))!;
    expect(selectProfile(apiserver).startup({ rng: new Rng(1), timeMs: Date.parse("2025-03-01T10:00:00Z"), index: 0, run: { ...run, image: apiserver } })).toMatch(/^I0301 10:00:00\.000000 +1 \S+\.go:\d+\] /);
  });
});
