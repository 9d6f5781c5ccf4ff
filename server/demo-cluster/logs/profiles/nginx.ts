import type { LogProfile } from "./types";
import { nginxAccessTime, nginxErrorTime } from "./timeFormats";
import { randomRequest, staticPaths } from "./vocabulary";

const entrypoint = [
  "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
  "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
  "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
  "/docker-entrypoint.sh: Configuration complete; ready for start up",
];
const notices = ['using the "epoll" event method', "nginx/1.27.0", "built by gcc 12.2.0 (Debian 12.2.0-14)", "OS: Linux 6.1.0-21-cloud-amd64", "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes"];

/** nginx: entrypoint banner, combined-format access log, error-log lines with [level]. */
export const nginxProfile: LogProfile = {
  name: "nginx",
  language: "c",
  startupLines: entrypoint.length + notices.length,
  startup({ index, timeMs }) {
    if (index < entrypoint.length) return entrypoint[index]!;
    return `${nginxErrorTime(timeMs)} [notice] 1#1: ${notices[index - entrypoint.length]}`;
  },
  steady({ rng, timeMs }) {
    const worker = rng.int(29, 32);
    if (rng.chance(0.04)) {
      return `${nginxErrorTime(timeMs)} [error] ${worker}#${worker}: *${rng.int(100, 99999)} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.244.0.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "shop.example.com"`;
    }
    const req = randomRequest(rng, rng.chance(0.5) ? staticPaths : undefined);
    return `${req.client} - - [${nginxAccessTime(timeMs)}] "${req.method} ${req.path} HTTP/1.1" ${req.status} ${req.bytes} "-" "${req.agent}" "-"`;
  },
  memoryWarning({ timeMs, rng }, usedPercent) {
    const worker = rng.int(29, 32);
    return `${nginxErrorTime(timeMs)} [warn] ${worker}#${worker}: *${rng.int(100, 99999)} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${rng.int(1, 9)}/0${rng.int(10, 99)}/00000000${rng.int(10, 99)} while reading upstream (memory ${usedPercent}% of limit)`;
  },
  crash({ timeMs }) {
    return [
      `${nginxErrorTime(timeMs)} [emerg] 1#1: host not found in upstream "backend.shop.svc.cluster.local:8080" in /etc/nginx/conf.d/default.conf:14`,
      "nginx: [emerg] host not found in upstream \"backend.shop.svc.cluster.local:8080\" in /etc/nginx/conf.d/default.conf:14",
    ];
  },
  oomKilled({ timeMs }) {
    return [`${nginxErrorTime(timeMs)} [alert] 1#1: worker process 31 exited on signal 9`];
  },
  shutdown({ timeMs }) {
    return [
      `${nginxErrorTime(timeMs)} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`,
      `${nginxErrorTime(timeMs)} [notice] 29#29: gracefully shutting down`,
      `${nginxErrorTime(timeMs)} [notice] 29#29: exiting`,
      `${nginxErrorTime(timeMs)} [notice] 1#1: exit`,
    ];
  },
};
