import { describe, expect, test } from "vitest";
import { normalizeAddress } from "./ipAddress";

describe("normalizeAddress", () => {
  test("spells one address one way", () => {
    expect(normalizeAddress(" 10.0.0.1 ")).toBe("10.0.0.1");
    expect(normalizeAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("::FFFF:a00:1")).toBe("10.0.0.1");
    expect(normalizeAddress("[2001:DB8:0:0:0:0:0:1]")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("10.0.0.1:8080")).toBe("10.0.0.1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  test("answers undefined for anything that is not an address", () => {
    for (const text of ["", "unknown", "localhost", "127.corp.lan", "10.0.0", "10.0.0.256", "1.2.3.4, 5.6.7.8", "[::1"]) expect(normalizeAddress(text), text).toBeUndefined();
  });
});
