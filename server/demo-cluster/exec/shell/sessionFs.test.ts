import { describe, expect, test } from "vitest";
import { resolvePath } from "./fakeFs";
import { makeHost, run, sh } from "./testing/harness";

describe("per-session overlay", () => {
  test("touch, mkdir and rm change only this session's view", async () => {
    const first = makeHost();
    const second = makeHost();
    expect((await sh("mkdir -p /tmp/a/b && touch /tmp/a/b/note && ls /tmp/a/b", first)).stdout).toBe("note\n");
    expect((await sh("rm /etc/hostname && cat /etc/hostname", first)).stderr).toBe("cat: /etc/hostname: No such file or directory\n");
    expect((await run(["ls", "/tmp"], second)).stdout).toBe("");
    expect((await run(["cat", "/etc/hostname"], second)).stdout).toBe("web-5f7c9\n");
  });

  test("rm refuses directories without -r and reports missing files", async () => {
    const target = makeHost();
    expect(await sh("rm /etc", target)).toMatchObject({ status: 1, stderr: "rm: cannot remove '/etc': Is a directory\n" });
    expect((await sh("rm /missing", target)).stderr).toBe("rm: cannot remove '/missing': No such file or directory\n");
    expect((await sh("rm -rf /etc && ls /etc", target)).status).toBe(2);
    expect((await sh("rm -f /missing; echo $?", target)).stdout).toBe("0\n");
    expect((await sh("mkdir /tmp && echo no", target)).stderr).toBe("mkdir: cannot create directory '/tmp': File exists\n");
  });

  test("kernel filesystems are read-only and writes are bounded", async () => {
    const target = makeHost();
    expect((await sh("touch /proc/x", target)).stderr).toBe("touch: cannot touch '/proc/x': Read-only file system\n");
    const big = "x".repeat(200_000);
    const result = await sh(`for_nothing=1; ${Array.from({ length: 8 }, () => `echo ${big} >> /tmp/big`).join("; ")}`, target);
    expect(result.stderr).toContain("No space left on device");
  });

  test("paths never leave the fake root", async () => {
    expect(resolvePath("/etc", "../../../../..")).toBe("/");
    expect(resolvePath("/", "/../../work/../etc/./hosts")).toBe("/etc/hosts");
    expect((await run(["cat", "../../../../../../etc/hostname"])).stdout).toBe("web-5f7c9\n");
    expect((await sh("cd /../../..; pwd")).stdout).toBe("/\n");
    expect((await run(["ls", process.cwd()])).status).toBe(2);
    expect((await run(["cat", "/proc/self/environ"])).status).toBe(1);
  });
});
