import { describe, expect, test } from "vitest";
import { loadConfig } from "../config";
import { parseDuration } from "./configSchemas";

describe("parseDuration", () => {
  test.each([
    ["90s", 90_000],
    ["1h", 3_600_000],
    ["1h30m", 5_400_000],
    ["12h", 43_200_000],
    ["2d", 172_800_000],
    ["500ms", 500],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(["", "1", "1x", "h", "-1h", "1.5h", "0s", "1h 30m"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("login settings in loadConfig", () => {
  test("defaults: no auth mode given, 1h idle, 12h absolute, impersonation", () => {
    const config = loadConfig([], {});
    expect(config.auth).toBeUndefined();
    expect(config.sessionIdle).toBe(3_600_000);
    expect(config.sessionMax).toBe(43_200_000);
    expect(config.identity).toBe("impersonate");
    expect(config.oidcScopes).toBe("openid profile email groups offline_access");
    expect(config.oidcUsernameClaim).toBe("email");
    expect(config.oidcGroupsClaim).toBe("groups");
    expect(config.oidcGroupPrefix).toBe("");
  });

  test("reads flags and ORRERY_* variables", () => {
    const config = loadConfig(["--auth", "oidc", "--session-idle", "15m", "--oidc-group-prefix=oidc:"], { ORRERY_PUBLIC_URL: "https://orrery.example.com", ORRERY_SESSION_MAX: "8h" });
    expect(config.auth).toBe("oidc");
    expect(config.sessionIdle).toBe(900_000);
    expect(config.sessionMax).toBe(28_800_000);
    expect(config.publicUrl).toBe("https://orrery.example.com");
    expect(config.oidcGroupPrefix).toBe("oidc:");
  });

  test("a wrong value is one line naming the setting", () => {
    expect(() => loadConfig(["--auth", "ldap"], {})).toThrow(/^invalid --auth="ldap": expected none \(default; loopback only\), basic or oidc$/);
    expect(() => loadConfig(["--session-idle", "soon"], {})).toThrow(/invalid --session-idle="soon": expected a duration/);
    expect(() => loadConfig([], { ORRERY_PUBLIC_URL: "orrery.example.com" })).toThrow(/invalid ORRERY_PUBLIC_URL/);
    expect(() => loadConfig(["--oidc-scopes", "profile email"], {})).toThrow(/including openid/);
    expect(() => loadConfig(["--identity", "root"], {})).toThrow(/invalid --identity/);
  });
});
