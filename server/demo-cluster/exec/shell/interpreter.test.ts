import { describe, expect, test } from "vitest";
import { makeHost, run, sh } from "./testing/harness";

describe("sandboxed shell: language", () => {
  test("quotes, escapes and variables expand like sh", async () => {
    expect((await sh(`X="a  b"; echo $X "$X" '$X' \\$X`)).stdout).toBe("a b a  b $X $X\n");
    expect((await sh(`echo "\${HOSTNAME}:\${NOPE}-" ~`)).stdout).toBe("web-5f7c9:- /root\n");
    expect((await sh(`echo "it's" 'say "hi"' a\\ b`)).stdout).toBe(`it's say "hi" a b\n`);
  });

  test("; && || and ! chain on exit status, $? reports it", async () => {
    expect((await sh("false; echo $?; true && echo yes || echo no; false && echo yes || echo no")).stdout).toBe("1\nyes\nno\n");
    expect((await sh("! false && echo negated")).stdout).toBe("negated\n");
  });

  test("pipes feed one command's output into the next", async () => {
    expect((await sh("cat /etc/passwd | grep -c root")).stdout).toBe("1\n");
    expect((await sh("printenv | grep ^KUBERNETES_SERVICE_HOST= | wc -l")).stdout).toBe("1\n");
    expect((await sh("ls / | head -n 3")).stdout.trimEnd().split("\n")).toHaveLength(3);
    expect((await sh("echo one two three | wc -w")).stdout).toBe("3\n");
  });

  test("command substitution and globbing", async () => {
    expect((await sh('echo "host=$(hostname)"')).stdout).toBe("host=web-5f7c9\n");
    expect((await sh("cd /usr/share/nginx/html && echo *.html")).stdout).toBe("50x.html index.html\n");
    expect((await sh("echo /etc/host*")).stdout).toBe("/etc/hostname /etc/hosts\n");
    expect((await sh("echo '*.none' *.none")).stdout).toBe("*.none *.none\n");
  });

  test("exit ends the shell with its code, modulo 256", async () => {
    expect((await sh("exit 3")).status).toBe(3);
    expect((await sh("echo before; exit 300; echo after")).stdout).toBe("before\n");
    expect((await sh("exit 300")).status).toBe(44);
    expect((await sh("false")).status).toBe(1);
  });

  test("an unknown command is 'not found' on stderr with 127", async () => {
    expect(await sh("foo --bar")).toEqual({ stdout: "", stderr: "sh: foo: not found\n", status: 127 });
    expect((await run(["bash", "-c", "nope"])).stderr).toBe("bash: nope: command not found\n");
  });

  test("syntax errors are reported with status 2", async () => {
    expect(await sh("echo 'unclosed")).toMatchObject({ status: 2, stderr: "sh: syntax error: unterminated quoted string\n" });
    expect((await sh("| ls")).status).toBe(2);
  });

  test("redirections write to the session's overlay and to /dev/null", async () => {
    const target = makeHost();
    expect((await sh("echo hello > /tmp/greeting; echo again >> /tmp/greeting; cat /tmp/greeting", target)).stdout).toBe("hello\nagain\n");
    expect((await sh("cat /nope 2>/dev/null; echo $?", target)).stdout).toBe("1\n");
    expect((await sh("cat /nope 2>&1 | grep -c 'No such file'", target)).stdout).toBe("1\n");
    expect((await sh("echo x > /proc/nope", target)).stderr).toBe("sh: can't create /proc/nope: Read-only file system\n");
  });

  test("NAME=value sets a variable, or the environment of one command", async () => {
    expect((await sh("GREETING=hi; echo $GREETING")).stdout).toBe("hi\n");
    expect((await sh("MODE=debug printenv MODE; printenv MODE; echo $?")).stdout).toBe("debug\n1\n");
    expect((await sh("export A=1; sh -c 'echo $A; A=2'; echo $A")).stdout).toBe("1\n1\n");
  });

  test("test and [ compare strings, numbers and files", async () => {
    expect((await sh("[ -f /etc/hostname ] && [ -d /etc ] && [ ! -e /nope ] && [ 3 -gt 2 ] && [ a != b ] && echo ok")).stdout).toBe("ok\n");
  });
});

describe("sandboxed shell: limits", () => {
  test("a script that runs itself stops at the nesting limit instead of running forever", async () => {
    const result = await sh("echo 'sh /tmp/self.sh' > /tmp/self.sh; sh /tmp/self.sh; echo survived");
    expect(result.stderr).toBe("sh: too many nested shells (more than 32)\n");
    expect(result.stdout).toBe("survived\n");
  });

  test("deeply nested $(…) is cut off the same way", async () => {
    const nested = Array.from({ length: 40 }, () => "$(echo ").join("") + "x" + ")".repeat(40);
    const result = await sh(`echo ${nested}`);
    expect(result.stderr).toContain("too many nested shells");
  });
});
