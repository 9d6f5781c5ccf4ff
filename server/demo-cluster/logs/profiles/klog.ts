import type { LineContext, LogProfile } from "./types";
import { levelFor } from "./vocabulary";

// A Kubernetes component (Go, klog): "I0301 10:00:00.123456       1 file.go:123] message".

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function header(level: "I" | "W" | "E", ms: number): string {
  const d = new Date(ms);
  const micros = pad(Math.floor((ms % 1000) * 1000), 6);
  return `${level}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros}`;
}

const line = (ctx: LineContext, level: "I" | "W" | "E", source: string, msg: string) => `${header(level, ctx.timeMs)}       1 ${source}] ${msg}`;

const banner = [
  ["flags.go:64", 'FLAG: --v="2"'],
  ["server.go:121", 'Version: v1.32.2 (commit "67a30c0adcf52bd3f56ff0893ce19966be12991f")'],
  ["dynamic_cafile_content.go:161", 'Starting client-ca-bundle::/etc/kubernetes/pki/ca.crt'],
  ["leaderelection.go:257", "attempting to acquire leader lease kube-system/component..."],
  ["shared_informer.go:320", "Caches are synced"],
] as const;

const resyncs = ["pods", "endpointslices", "services", "nodes", "configmaps"];

/** Kubernetes' own components: klog lines, and a Go panic with goroutines when they crash. */
export const klogProfile: LogProfile = {
  name: "klog",
  language: "go",
  startupLines: banner.length,
  startup(ctx) {
    const [source, msg] = banner[ctx.index]!;
    return line(ctx, "I", source, msg);
  },
  steady(ctx) {
    const { rng } = ctx;
    const level = levelFor(rng);
    if (level === "warn") return line(ctx, "W", "reflector.go:561", `k8s.io/client-go/informers/factory.go:160: watch of *v1.${rng.pick(["Pod", "Node", "Service"])} ended with: an error on the server ("unable to decode an event from the watch stream: http2: client connection lost") has prevented the request from succeeding`);
    if (level === "error") return line(ctx, "E", "leaderelection.go:436", `error retrieving resource lock kube-system/component: Get "https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/component?timeout=5s": context deadline exceeded`);
    if (level === "debug") return line(ctx, "I", "trace.go:236", `Trace[${rng.int(100000000, 999999999)}]: "List" url:/api/v1/${rng.pick(resyncs)},verb:LIST (total time: ${rng.int(100, 900)}ms)`);
    return line(ctx, "I", "reflector.go:376", `Caches populated for *v1.${rng.pick(["Pod", "Node", "Service", "EndpointSlice"])} from k8s.io/client-go/informers/factory.go:160`);
  },
  memoryWarning(ctx, usedPercent) {
    return line(ctx, "W", "watchdog.go:58", `memory usage at ${usedPercent}% of the container limit`);
  },
  crash(ctx) {
    return [
      line(ctx, "E", "run.go:72", '"command failed" err="failed to create listener: failed to listen on 0.0.0.0:10259: listen tcp 0.0.0.0:10259: bind: address already in use"'),
      `goroutine 1 [running]:`,
      "k8s.io/klog/v2.(*loggingT).output(0x3a1c540, 0x3, 0x0, 0xc0004a2000, 0x1, {0x2f2b1e4?, 0x1?}, 0xc0002a6000?, 0x0)",
      "\tk8s.io/klog/v2@v2.130.1/klog.go:895 +0x6d1",
      "k8s.io/component-base/cli.Run(0xc0003e8308)",
      "\tk8s.io/component-base/cli/run.go:72 +0x3a",
      "main.main()",
      "\tcmd/component/main.go:29 +0x1e",
    ];
  },
  oomKilled(ctx) {
    return [line(ctx, "W", "watchdog.go:58", "memory usage at 99% of the container limit")];
  },
  shutdown(ctx) {
    return [line(ctx, "I", "secure_serving.go:258", "Stopped listening on [::]:10250"), line(ctx, "I", "server.go:189", "Shutting down")];
  },
};
