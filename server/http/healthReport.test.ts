import { describe, expect, test } from "vitest";
import { healthReport } from "./healthReport";

describe("healthReport", () => {
  test("a synced cache and a sound store is ok", () => {
    expect(healthReport(true, [])).toEqual({ status: 200, body: { status: "ok" } });
  });

  test("a store problem keeps 200 and names the damage", () => {
    expect(healthReport(true, ["write-ahead log write failed: ENOSPC"])).toEqual({
      status: 200,
      body: { status: "degraded", problems: ["metrics store: write-ahead log write failed: ENOSPC"] },
    });
  });

  test("an unsynced cache is 503 whatever the store says, and still lists the store's problems", () => {
    expect(healthReport(false, [])).toEqual({ status: 503, body: { status: "syncing" } });
    expect(healthReport(false, ["checkpoint failed: EIO"])).toEqual({ status: 503, body: { status: "syncing", problems: ["metrics store: checkpoint failed: EIO"] } });
  });
});
