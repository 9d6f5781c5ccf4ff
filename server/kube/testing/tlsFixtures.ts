import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TlsFixtures {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

/** A throwaway CA with a server certificate for 127.0.0.1 and a client certificate, made with the openssl CLI. */
export function makeTlsFixtures(): TlsFixtures {
  const dir = mkdtempSync(path.join(os.tmpdir(), "orrery-tls-"));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=orrery-test-ca", "-keyout", file("ca.key"), "-out", file("ca.crt"));
  writeFileSync(file("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  signedCert(openssl, file, "server", "/CN=127.0.0.1", file("server.ext"));
  writeFileSync(file("client.ext"), "extendedKeyUsage=clientAuth\n");
  signedCert(openssl, file, "client", "/CN=alice/O=devs", file("client.ext"));
  const read = (name: string) => readFileSync(file(name), "utf8");
  return { dir, caCert: read("ca.crt"), serverCert: read("server.crt"), serverKey: read("server.key"), clientCert: read("client.crt"), clientKey: read("client.key") };
}

function signedCert(openssl: (...args: string[]) => Buffer, file: (name: string) => string, name: string, subject: string, extFile: string): void {
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", file(`${name}.key`), "-out", file(`${name}.csr`));
  openssl("x509", "-req", "-in", file(`${name}.csr`), "-CA", file("ca.crt"), "-CAkey", file("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", extFile, "-out", file(`${name}.crt`));
}
