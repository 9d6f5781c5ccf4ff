import type { ContainerFacts } from "./containerFacts";
import { programName } from "./imageTraits";

// The files an image ships for its application, so `ls` and `cat` find what people look for.

const nginxIndex = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto; font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const nginxConf = `user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    access_log  /var/log/nginx/access.log  main;
    sendfile        on;
    keepalive_timeout  65;
    include /etc/nginx/conf.d/*.conf;
}
`;

const defaultSite = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

function genericApp(facts: ContainerFacts): [string, string][] {
  const config = `# ${facts.containerName} configuration\nserver:\n  port: 8080\n  shutdownTimeout: 15s\nlog:\n  level: info\n  format: json\nnamespace: ${facts.namespace}\n`;
  return [[`/app/${programName(facts.image)}`, "\x7fELF\x02\x01\x01"], ["/app/config.yaml", config], ["/app/VERSION", "v1.14.2\n"]];
}

export function appFiles(facts: ContainerFacts): [string, string][] {
  const debian: [string, string][] = facts.traits.family === "debian" ? [["/var/log/dpkg.log", "2024-06-04 09:12:41 startup archives unpack\n2024-06-04 09:12:42 install ca-certificates:all <none> 20230311\n2024-06-04 09:12:43 status installed ca-certificates:all 20230311\n"], ["/var/log/apt/history.log", "\nStart-Date: 2024-06-04  09:12:40\nCommandline: apt-get install --no-install-recommends -y ca-certificates\nEnd-Date: 2024-06-04  09:12:44\n"]] : [];
  switch (facts.traits.app) {
    case "nginx":
      return [...debian, ["/usr/share/nginx/html/index.html", nginxIndex], ["/usr/share/nginx/html/50x.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n"],
        ["/etc/nginx/nginx.conf", nginxConf], ["/etc/nginx/conf.d/default.conf", defaultSite], ["/etc/nginx/mime.types", "types {\n    text/html  html htm shtml;\n    text/css   css;\n    application/javascript  js;\n}\n"],
        ["/var/log/nginx/access.log", ""], ["/var/log/nginx/error.log", ""], ["/var/run/nginx.pid", "1\n"]];
    case "redis":
      return [...debian, ["/data/dump.rdb", "REDIS0011\xfa\tredis-ver\x057.2.5\xff"], ["/usr/local/bin/docker-entrypoint.sh", "#!/bin/sh\nset -e\nexec \"$@\"\n"]];
    case "postgres":
      return [...debian, ["/var/lib/postgresql/data/PG_VERSION", "16\n"], ["/var/lib/postgresql/data/postgresql.conf", "listen_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\nwal_level = replica\n"], ["/var/lib/postgresql/data/pg_hba.conf", "local all all trust\nhost all all all scram-sha-256\n"]];
    case "node":
      return [...debian, ["/app/package.json", JSON.stringify({ name: facts.containerName, version: "2.8.0", main: "server.js", scripts: { start: "node server.js" } }, null, 2) + "\n"],
        ["/app/server.js", "const http = require('node:http');\nconst port = process.env.PORT || 3000;\nhttp.createServer(require('./app')).listen(port, () => console.log(`listening on port ${port}`));\n"], ["/app/app.js", "module.exports = (req, res) => res.end('ok');\n"]];
    case "busybox":
      return [];
    default:
      return [...debian, ...genericApp(facts)];
  }
}
