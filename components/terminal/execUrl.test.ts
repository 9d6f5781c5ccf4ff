import { describe, expect, test } from "vitest";
import { execUrl } from "./execUrl";

describe("execUrl", () => {
  test("uses wss under https and keeps the base path", () => {
    const url = execUrl({ protocol: "https:", host: "orrery.example:8443" }, "/k8s", { namespace: "shop", pod: "frontend-1", container: "web" });
    expect(url).toBe("wss://orrery.example:8443/k8s/api/exec?namespace=shop&pod=frontend-1&container=web");
  });

  test("uses ws under http and leaves out an unchosen container", () => {
    expect(execUrl({ protocol: "http:", host: "127.0.0.1:3000" }, "", { namespace: "shop", pod: "a" })).toBe("ws://127.0.0.1:3000/api/exec?namespace=shop&pod=a");
  });

  test("escapes names so they cannot add parameters", () => {
    const url = new URL(execUrl({ protocol: "http:", host: "h" }, "", { namespace: "a&pod=b", pod: "p q", container: "c#d" }));
    expect(url.searchParams.get("namespace")).toBe("a&pod=b");
    expect(url.searchParams.getAll("pod")).toEqual(["p q"]);
    expect(url.searchParams.get("container")).toBe("c#d");
  });
});
