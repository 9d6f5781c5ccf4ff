import { describe, expect, test } from "vitest";
import { makeHost, run, sh, startedMs } from "../testing/harness";

describe("sandboxed shell: commands", () => {
  test("ls lists the pod's filesystem, one per line off a terminal", async () => {
    const root = (await run(["ls", "/"])).stdout.trimEnd().split("\n");
    expect(root).toEqual(expect.arrayContaining(["bin", "dev", "etc", "proc", "tmp", "usr", "var"]));
    expect((await run(["ls", "/usr/share/nginx/html"])).stdout).toBe("50x.html\nindex.html\n");
    expect((await run(["ls", "/nope"]))).toMatchObject({ status: 2, stderr: "ls: cannot access '/nope': No such file or directory\n" });
  });

  test("ls -l and -a show modes, owners, sizes and dot entries", async () => {
    const long = (await run(["ls", "-l", "/etc"])).stdout.split("\n");
    expect(long[0]).toMatch(/^total \d+$/);
    expect(long.find((l) => l.endsWith(" hostname"))).toMatch(/^-rw-r--r-- 1 root root +\d+ \w{3} [ \d]\d \d\d:\d\d hostname$/);
    expect((await run(["ls", "-a", "/root"])).stdout).toBe(".\n..\n");
    expect((await run(["ls", "-ld", "/tmp"])).stdout).toMatch(/^drwxrwxrwt /);
  });

  test("cat shows files built from the pod", async () => {
    expect((await run(["cat", "/etc/hostname"])).stdout).toBe("web-5f7c9\n");
    expect((await run(["cat", "/etc/resolv.conf"])).stdout).toContain("search shop.svc.cluster.local svc.cluster.local cluster.local");
    expect((await run(["cat", "/proc/1/cmdline"])).stdout).toBe("nginx\0-g\0daemon off;\0");
    expect((await run(["cat", "/etc/os-release"])).stdout).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect((await run(["cat", "/proc/meminfo"])).stdout).toMatch(/^MemTotal: +\d+ kB\nMemFree: +\d+ kB\nMemAvailable:/);
    expect((await run(["cat", "/proc/loadavg"])).stdout).toMatch(/^\d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+\n$/);
  });

  test("env and printenv show the spec's env, service links and the API server", async () => {
    const target = makeHost("nginx:1.27", {}, [{ name: "LOG_LEVEL", value: "debug" }, { name: "DSN", value: "postgres://$(ORDERS_DB_SERVICE_HOST):5432" }]);
    const env = (await run(["env"], target)).stdout;
    expect(env).toContain("LOG_LEVEL=debug\n");
    expect(env).toContain("KUBERNETES_SERVICE_HOST=10.96.0.1\n");
    expect(env).toContain("ORDERS_DB_SERVICE_PORT=5432\n");
    expect(env).toContain("HOSTNAME=web-5f7c9\n");
    expect((await run(["printenv", "DSN"], target)).stdout).toBe("postgres://10.96.12.7:5432\n");
    expect((await run(["sh", "-c", "echo $NGINX_VERSION"], target)).stdout).toBe("1.27.0\n");
  });

  test("identity and system commands answer like a Linux container", async () => {
    expect((await run(["hostname"])).stdout).toBe("web-5f7c9\n");
    expect((await run(["whoami"])).stdout).toBe("root\n");
    expect((await run(["id"])).stdout).toBe("uid=0(root) gid=0(root) groups=0(root)\n");
    expect((await run(["uname", "-a"])).stdout).toMatch(/^Linux web-5f7c9 6\.1\.0-21-cloud-amd64 #1 SMP .* x86_64 GNU\/Linux\n$/);
    expect((await run(["uname"])).stdout).toBe("Linux\n");
    expect((await run(["date", "+%F %T"])).stdout).toBe("2025-03-01 11:00:00\n");
    expect((await run(["date"])).stdout).toBe("Sat Mar  1 11:00:00 UTC 2025\n");
    expect((await sh("cd /etc; pwd; cd ..; cd -; pwd")).stdout).toBe("/etc\n/etc\n");
  });

  test("ps aux lists the app's processes and the session's own", async () => {
    const lines = (await run(["ps", "aux"])).stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^USER +PID %CPU %MEM +VSZ +RSS TTY +STAT START +TIME COMMAND$/);
    expect(lines[1]).toMatch(/^root +1 .* nginx: master process nginx -g daemon off;$/);
    expect(lines.some((l) => /^nginx +\d+ .*nginx: worker process$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/ ps aux$/);
  });

  test("ps shows the start date, not the time, of processes older than a day", async () => {
    const later = makeHost("nginx:1.27", { now: () => startedMs + 3 * 86_400_000 });
    const [, master] = (await run(["ps", "aux"], later)).stdout.split("\n");
    expect(master).toMatch(/ Ss +Mar01 +\d+:\d\d nginx: master process/);
  });

  test("alpine images get busybox ps and no bash", async () => {
    const alpine = makeHost("redis:7-alpine");
    expect((await run(["ps"], alpine)).stdout).toMatch(/^PID +USER +TIME +COMMAND\n +1 redis .* redis-server \*:6379\n/);
    expect(await run(["bash"], alpine)).toMatchObject({ status: 126, stdout: expect.stringContaining('exec: "bash": executable file not found in $PATH') });
    expect((await run(["sh", "-c", "bash -c true"], alpine)).status).toBe(127);
    expect((await run(["cat", "/etc/os-release"], alpine)).stdout).toContain("Alpine Linux");
  });

  test("top -b -n 1 prints one frame; free and df print tables", async () => {
    const frame = (await run(["top", "-b", "-n", "1"])).stdout;
    expect(frame).toMatch(/^top - 11:00:00 up .*load average: [\d.]+, [\d.]+, [\d.]+\nTasks: +\d+ total/);
    expect(frame).toMatch(/\n +PID USER +PR +NI +VIRT +RES +SHR S +%CPU +%MEM +TIME\+ COMMAND\n +1 root /);
    expect((await run(["free", "-m"])).stdout).toMatch(/^ +total +used +free +shared +buff\/cache +available\nMem: +\d+ +\d+ +\d+ +\d+ +\d+ +\d+\nSwap: +0 +0 +0\n$/);
    expect((await run(["df", "-h"])).stdout).toMatch(/^Filesystem +Size +Used +Avail +Use% Mounted on\noverlay +\d+(\.\d)?G /);
  });

  test("head, tail, wc and grep read files and pipes", async () => {
    expect((await run(["head", "-n", "2", "/etc/passwd"])).stdout.split("\n")).toHaveLength(3);
    expect((await run(["tail", "-1", "/etc/passwd"])).stdout).toBe("nginx:x:101:101:nginx user:/nonexistent:/bin/false\n");
    expect((await run(["wc", "-l", "/etc/hosts"])).stdout).toBe("5 /etc/hosts\n");
    expect((await run(["grep", "-n", "nameserver", "/etc/resolv.conf"])).stdout).toBe("2:nameserver 10.96.0.10\n");
    expect((await run(["grep", "-v", "-c", "x", "/etc/passwd"])).stdout).toBe("0\n");
    expect((await run(["grep", "zzz", "/etc/passwd"])).status).toBe(1);
    expect((await sh("grep -i -E 'ROOT|DAEMON' /etc/passwd | wc -l")).stdout).toBe("2\n");
  });

  test("true, false and a short sleep; sleep stops when cancelled", async () => {
    expect((await run(["true"])).status).toBe(0);
    expect((await run(["false"])).status).toBe(1);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    expect((await run(["sleep", "60"], makeHost(), {}, controller.signal)).status).toBe(130);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test("a program that is not in the image fails like the container runtime", async () => {
    expect(await run(["python3", "-V"])).toEqual({ status: 126, stderr: "", stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "python3": executable file not found in $PATH: unknown\n' });
    expect((await run(["/bin/ls", "/tmp"])).status).toBe(0);
  });

  test("files and dates in ls -l come from the pod's start", async () => {
    expect((await run(["ls", "-l", "/etc/hostname"])).stdout).toContain(new Date(startedMs).toISOString().slice(11, 16));
  });
});

describe("generic images", () => {
  test("PID 1 is the image's program with the spec's args", async () => {
    const target = makeHost("gcr.io/acme/checkout-service:v2");
    expect((await run(["cat", "/proc/1/cmdline"], target)).stdout).toBe("/app/checkout-service\0");
    expect((await run(["ls", "/app"], target)).stdout).toBe("VERSION\ncheckout-service\nconfig.yaml\n");
    expect((await run(["pwd"], target)).stdout).toBe("/app\n");
  });
});
