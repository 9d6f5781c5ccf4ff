import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ConfigError, loadConfig, type Env } from "../config";
import { getAuthSettings, initAuth, setAuthServices } from "./authState";
import { verifyPassword } from "./passwords";
import { buildAuthSettings } from "./settings";
import { UserDirectory } from "./userDirectory";

const bcryptHash = "$2b$04$1M8Lr3x4uJ6m8F7QCcrrfOd8eB6E0o0nH2bDg0jD5mS4Yx5iV3XyC";

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "orrery-settings-"));
}

function usersFile(dir: string): string {
  const file = path.join(dir, "users.yaml");
  writeFileSync(file, `users:\n  - name: alice\n    hash: "${bcryptHash}"\n    groups: [orrery:admins]\n`);
  return file;
}

function build(argv: string[], env: Env = {}) {
  const dataDir = tempDir();
  return buildAuthSettings(loadConfig(["--data-dir", dataDir, ...argv], env), env);
}

function failure(argv: string[], env: Env = {}): string {
  try {
    build(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

afterEach(() => setAuthServices(undefined));

describe("buildAuthSettings", () => {
  test("none by default, local person allowed only on loopback or with --insecure-no-auth", () => {
    expect(build([])).toMatchObject({ mode: "none", localAllowed: true, secret: "" });
    expect(build(["--host", "0.0.0.0"]).localAllowed).toBe(false);
    expect(build(["--host", "0.0.0.0", "--insecure-no-auth"]).localAllowed).toBe(true);
  });

  test("a listen host named 127.something is not loopback: no local person without login", () => {
    expect(build(["--host", "127.corp.lan"]).localAllowed).toBe(false);
    expect(build(["--host", "127.0.0.2"]).localAllowed).toBe(true);
    expect(build(["--host", "localhost"]).localAllowed).toBe(true);
  });

  test("basic with a users file; a generated secret is kept in the data dir with mode 0600", () => {
    const dir = tempDir();
    const config = loadConfig(["--auth", "basic", "--users-file", usersFile(dir), "--data-dir", dir], {});
    const first = buildAuthSettings(config, {});
    expect(first.users.map((user) => user.name)).toEqual(["alice"]);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(buildAuthSettings(config, {}).secret).toBe(first.secret);
  });

  test("secure cookies follow the public URL's scheme, else the request", () => {
    const dir = tempDir();
    const base = ["--auth", "basic", "--users-file", usersFile(dir)];
    expect(build([...base, "--public-url", "https://orrery.example.com/"]).secureCookies).toBe(true);
    expect(build([...base, "--public-url", "http://orrery.example.com"]).secureCookies).toBe(false);
    expect(build(base).secureCookies).toBe("per-request");
    expect(build([...base, "--public-url", "https://orrery.example.com/"]).publicUrl).toBe("https://orrery.example.com");
  });

  test.each([
    [["--auth", "basic"], {}, "--auth basic needs users: give --users-file <file>, or BASIC_AUTH_USERNAME and BASIC_AUTH_PASSWORD with ENABLE_BASIC_AUTH=true"],
    [["--auth", "oidc", "--public-url", "https://o.example"], {}, "--auth oidc needs --oidc-issuer and --oidc-client-id (and usually a client secret)"],
    [["--auth", "oidc", "--oidc-issuer", "https://idp.example"], {}, "--auth oidc needs --oidc-issuer and --oidc-client-id (and usually a client secret)"],
    [["--auth", "oidc", "--oidc-issuer", "https://idp.example", "--oidc-client-id", "orrery"], {}, "--auth oidc needs --public-url, the external URL the identity provider sends people back to"],
    [["--identity", "token"], {}, "--identity token passes the person's OIDC token through, so it needs --auth oidc"],
    [["--session-idle", "13h"], {}, "--session-idle must not be longer than --session-max"],
    [["--auth", "oidc"], { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_PASSWORD: "long-enough" }, "ENABLE_BASIC_AUTH=true conflicts with --auth oidc; unset one of them"],
    [[], { ENABLE_BASIC_AUTH: "true" }, "ENABLE_BASIC_AUTH=true needs BASIC_AUTH_PASSWORD (Scope's default password admin is not accepted)"],
    [[], { ENABLE_BASIC_AUTH: "yes" }, 'invalid ENABLE_BASIC_AUTH="yes": expected true or false'],
  ] as [string[], Env, string][])("refuses %j with one clear line", (argv, env, message) => {
    expect(failure(argv, env)).toBe(message);
  });

  test("a short session secret is refused without echoing it", () => {
    const message = failure(["--auth", "basic", "--users-file", usersFile(tempDir()), "--session-secret", "tooshort-secret"]);
    expect(message).toBe("--session-secret must be at least 32 characters (try: openssl rand -base64 48)");
  });

  test("--users-file with another mode is refused", () => {
    expect(failure(["--users-file", usersFile(tempDir())])).toBe("--users-file is only used with --auth basic (the login mode is none)");
  });

  test("an OIDC group prefix that would make every group a system: name is refused", () => {
    expect(failure(["--auth", "oidc", "--oidc-issuer", "https://idp.example", "--oidc-client-id", "orrery", "--public-url", "https://o.example", "--oidc-group-prefix", "system:"])).toMatch(/^--oidc-group-prefix "system:" would make every OIDC group a reserved Kubernetes name/);
  });

  test("oidc reads the client secret from a file and names the provider by its host", () => {
    const dir = tempDir();
    const secretFile = path.join(dir, "client-secret");
    writeFileSync(secretFile, "from-the-file\n");
    const settings = build(["--auth", "oidc", "--oidc-issuer", "https://idp.example/realms/x/", "--oidc-client-id", "orrery", "--public-url", "https://o.example"], { ORRERY_OIDC_CLIENT_SECRET_FILE: secretFile });
    expect(settings.oidc).toMatchObject({ issuer: "https://idp.example/realms/x", clientSecret: "from-the-file", displayName: "idp.example", groupPrefix: "" });
  });
});

describe("Scope's basic-auth variables", () => {
  test("turn on basic login for BASIC_AUTH_USERNAME with the password hashed", async () => {
    const settings = build(["--basic-auth-groups", "orrery:admins, ops"], { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_USERNAME: "scope-admin", BASIC_AUTH_PASSWORD: "from-scope-123" });
    expect(settings.mode).toBe("basic");
    const [user] = settings.users;
    expect(user).toMatchObject({ name: "scope-admin", groups: ["orrery:admins", "ops"] });
    expect(user!.hash.startsWith("$argon2id$")).toBe(true);
    expect(JSON.stringify(settings)).not.toContain("from-scope-123");
    expect(await new UserDirectory(settings.users).verify("scope-admin", "from-scope-123")).toEqual({ name: "scope-admin", groups: ["orrery:admins", "ops"] });
  });

  test("a reserved user name or group is refused at start with one line", () => {
    const env = { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_PASSWORD: "from-scope-123" };
    expect(failure([], { ...env, BASIC_AUTH_USERNAME: "system:admin" })).toMatch(/^BASIC_AUTH_USERNAME \/ --basic-auth-groups: Orrery does not act as the Kubernetes user "system:admin"/);
    expect(failure(["--basic-auth-groups", "ops,system:masters"], env)).toMatch(/Kubernetes group "system:masters".*bind the rights to an ordinary user or group instead$/);
  });

  test("the user name defaults to admin, as in Scope", () => {
    expect(build([], { ENABLE_BASIC_AUTH: "1", BASIC_AUTH_PASSWORD: "from-scope-123" }).users[0]!.name).toBe("admin");
  });

  test("add to a users file, but not under a name it already has", () => {
    const file = usersFile(tempDir());
    expect(build(["--auth", "basic", "--users-file", file], { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_PASSWORD: "from-scope-123" }).users.map((u) => u.name)).toEqual(["alice", "admin"]);
    expect(failure(["--auth", "basic", "--users-file", file], { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_USERNAME: "alice", BASIC_AUTH_PASSWORD: "from-scope-123" })).toMatch(/BASIC_AUTH_USERNAME "alice" is also in/);
  });

  test("initAuth drops the plain password from the environment and keeps only the hash", async () => {
    const env: Env = { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_USERNAME: "ops", BASIC_AUTH_PASSWORD: "from-scope-123" };
    initAuth(loadConfig(["--data-dir", tempDir()], env), env);
    expect(env.BASIC_AUTH_PASSWORD).toBeUndefined();
    expect(env.BASIC_AUTH_USERNAME).toBe("ops");
    const settings = getAuthSettings();
    expect(await verifyPassword(settings.users[0]!.hash, "from-scope-123")).toBe(true);
  });
});
