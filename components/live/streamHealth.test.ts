import { describe, expect, test } from "vitest";
import { summarizeHealth } from "./streamHealth";
import type { StreamState } from "./streamClient";
import type { WireKindStatus } from "@/lib/wire/stream";

const open = { phase: "open" as const, everOpened: true };
const status = (kind: WireKindStatus["kind"], state: WireKindStatus["state"], reason?: string): WireKindStatus => ({
  kind,
  state,
  reason,
  apiserver: "https://127.0.0.1:6443",
  count: 1,
});

describe("summarizeHealth", () => {
  test("is live when the connection is open and every kind is live", () => {
    const state: StreamState = { connection: open, kinds: [status("pods", "live"), status("nodes", "live")] };
    expect(summarizeHealth(state)).toEqual({ level: "live", label: "Live", apiserver: "https://127.0.0.1:6443" });
  });

  test("a lost connection wins over fresh-looking statuses", () => {
    const state: StreamState = { connection: { phase: "reconnecting", reason: "connection lost (code 1006)", everOpened: true }, kinds: [status("pods", "live")] };
    expect(summarizeHealth(state)).toMatchObject({ level: "error", label: "Disconnected", detail: expect.stringContaining("connection lost (code 1006)") });
  });

  test("before the first connection it is only connecting", () => {
    expect(summarizeHealth({ connection: { phase: "connecting", everOpened: false }, kinds: [] }).level).toBe("connecting");
  });

  test("reports the worst kind with its reason", () => {
    const state: StreamState = { connection: open, kinds: [status("pods", "stale", "watch stalled for 30s"), status("nodes", "error", "403 Forbidden")] };
    expect(summarizeHealth(state)).toMatchObject({ level: "error", detail: "nodes cannot be read: 403 Forbidden" });
    expect(summarizeHealth(state, ["pods"])).toMatchObject({ level: "stale", label: "Stale", detail: "pods is not current: watch stalled for 30s" });
  });

  test("a kind without a status yet counts as syncing", () => {
    const state: StreamState = { connection: open, kinds: [status("pods", "live")] };
    expect(summarizeHealth(state, ["pods", "services"]).level).toBe("syncing");
  });
});
