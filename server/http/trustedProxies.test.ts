import { describe, expect, test } from "vitest";
import { parseCidr, TrustedProxies } from "./trustedProxies";

describe("parseCidr", () => {
  test("reads IPv4 and IPv6 blocks and bare addresses", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: 4 });
    expect(parseCidr("fd00::/8")).toEqual({ address: "fd00::", prefix: 8, family: 6 });
    expect(parseCidr("192.168.1.7")).toEqual({ address: "192.168.1.7", prefix: 32, family: 4 });
    expect(parseCidr("2001:db8::1")).toEqual({ address: "2001:db8::1", prefix: 128, family: 6 });
    expect(parseCidr("::ffff:10.0.0.0/104")).toEqual({ address: "10.0.0.0", prefix: 8, family: 4 });
  });

  test("refuses names, bad prefixes and junk", () => {
    for (const text of ["", "proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/-1", "[::1]/128", "fe80::1%eth0", "10.0.0.0/8/8", "10.0.0.1:80"]) {
      expect(parseCidr(text), text).toBeUndefined();
    }
  });
});

describe("TrustedProxies", () => {
  const proxies = new TrustedProxies(["10.0.0.0/8", "fd00::/8"]);

  test("knows its blocks in every spelling of an address, IPv4-mapped IPv6 included", () => {
    expect(proxies.has("10.1.2.3")).toBe(true);
    expect(proxies.has("::ffff:10.1.2.3")).toBe(true);
    expect(proxies.has("fd00::17")).toBe(true);
    expect(proxies.has("11.0.0.1")).toBe(false);
    expect(proxies.has("fe80::1")).toBe(false);
    expect(proxies.has("unknown")).toBe(false);
  });

  test("an untrusted peer's X-Forwarded-For is ignored entirely", () => {
    expect(proxies.resolveClient("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(proxies.resolveClient("::ffff:203.0.113.9", "10.0.0.1, 198.51.100.1")).toBe("203.0.113.9");
    expect(new TrustedProxies().resolveClient("10.0.0.5", "198.51.100.1")).toBe("10.0.0.5");
  });

  test("a trusted chain is walked from the right to the first untrusted hop", () => {
    // The client wrote "6.6.6.6" itself; the ingress appended its real address; an inner proxy appended the ingress.
    expect(proxies.resolveClient("::ffff:10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1")).toBe("198.51.100.7");
    expect(proxies.resolveClient("fd00::2", "2001:db8::5")).toBe("2001:db8::5");
    expect(proxies.resolveClient("10.0.0.2", "[2001:db8::5]:443")).toBe("2001:db8::5");
  });

  test("a trusted peer with no usable header is the client as far as can be known", () => {
    expect(proxies.resolveClient("10.0.0.2", undefined)).toBe("10.0.0.2");
    expect(proxies.resolveClient("10.0.0.2", "10.0.0.9, 10.0.0.1")).toBe("10.0.0.9");
    expect(proxies.resolveClient("10.0.0.2", "198.51.100.7, not-an-address, 10.0.0.1")).toBe("10.0.0.1");
    expect(proxies.resolveClient(undefined, "198.51.100.7")).toBe("unknown");
  });
});
