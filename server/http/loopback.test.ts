import { describe, expect, test } from "vitest";
import { isLoopbackAddress, isLoopbackHost } from "./loopback";

describe("isLoopbackAddress", () => {
  test("accepts 127.0.0.0/8 and ::1 in every spelling", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::ffff:7f00:1", "[::ffff:127.0.0.2]"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  test("refuses other addresses and every name", () => {
    for (const address of ["10.0.0.1", "128.0.0.1", "::2", "::ffff:10.0.0.1", "0.0.0.0", "::", "localhost", "127.corp.lan", "127.0.0.1.nip.io", "127.1", ""]) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
  });
});

describe("isLoopbackHost", () => {
  test("a host name that merely starts with 127. is not loopback", () => {
    expect(isLoopbackHost("127.corp.lan")).toBe(false);
    expect(isLoopbackHost("127.0.0.1.evil.example")).toBe(false);
  });

  test("accepts loopback addresses and the name localhost", () => {
    for (const host of ["127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"]) expect(isLoopbackHost(host), host).toBe(true);
  });

  test("refuses wildcard and routable addresses and other names", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "fe80::1", "localhost.evil.example", "my-localhost"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});
