import { X509Certificate, createPrivateKey } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createServingCert } from "./selfSignedCert";

describe("createServingCert", () => {
  test("is a self-signed CA valid for the loopback IPs and names it was made for", () => {
    const { certPem, keyPem } = createServingCert(["127.0.0.1", "localhost", "::1"]);
    const cert = new X509Certificate(certPem);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.ca).toBe(true);
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkIP("::1")).toBe("::1");
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("10.0.0.1")).toBeUndefined();
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
  });
});
