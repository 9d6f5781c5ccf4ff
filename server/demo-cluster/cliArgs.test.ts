import { describe, expect, test } from "vitest";
import { CliError, parseCliArgs } from "./cliArgs";

describe("parseCliArgs", () => {
  test("defaults to loopback, port 6443 and ./demo.kubeconfig", () => {
    expect(parseCliArgs([])).toEqual({ host: "127.0.0.1", port: 6443, kubeconfigOut: "./demo.kubeconfig" });
  });

  test("reads both flag forms", () => {
    expect(parseCliArgs(["--port", "7443", "--kubeconfig-out=/tmp/k", "--nodes", "5", "--pods=100"])).toEqual({ host: "127.0.0.1", port: 7443, kubeconfigOut: "/tmp/k", nodes: 5, pods: 100 });
  });

  test("refuses unknown flags, missing and invalid values with one clear line", () => {
    expect(() => parseCliArgs(["--verbose"])).toThrowError(new CliError("unknown flag --verbose; known flags: --port, --host, --kubeconfig-out, --nodes, --pods"));
    expect(() => parseCliArgs(["--port"])).toThrowError("flag --port needs a value: a TCP port, 0-65535 (0 picks a free one)");
    expect(() => parseCliArgs(["--port", "99999"])).toThrowError('invalid --port="99999": expected a TCP port, 0-65535 (0 picks a free one)');
    expect(() => parseCliArgs(["--nodes", "0"])).toThrowError(/invalid --nodes="0"/);
    expect(() => parseCliArgs(["serve"])).toThrowError(/unexpected argument "serve"/);
  });
});
