import { imageLanguage } from "../../logs/profiles/imageLanguage";

// What an image is, as far as the fake container's files and processes need to know.

export type AppKind = "nginx" | "redis" | "postgres" | "node" | "busybox" | "generic";

export interface ImageTraits {
  app: AppKind;
  /** Alpine and busybox images have busybox's sh but no bash. */
  family: "debian" | "alpine" | "busybox";
  hasBash: boolean;
  /** Variables the image's Dockerfile sets. */
  imageEnv: Record<string, string>;
  /** The process the image starts when the pod spec gives no command. */
  defaultCommand: string[];
  /** The directory a shell starts in (the image's WORKDIR). */
  workdir: string;
}

const tagOf = (image: string) => /:([^/@]+)(@|$)/.exec(image)?.[1] ?? "latest";

function appOf(image: string): AppKind {
  const name = image.toLowerCase();
  if (/nginx|openresty/.test(name)) return "nginx";
  if (/redis|valkey/.test(name)) return "redis";
  if (/postgres/.test(name)) return "postgres";
  if (/(^|\/)busybox(:|@|$)/.test(name)) return "busybox";
  // The same reading of the image as its logs (a Node service logs like one and runs `node server.js`).
  if (imageLanguage(name) === "node") return "node";
  return "generic";
}

const appDefaults: Record<AppKind, Omit<ImageTraits, "app" | "family" | "hasBash">> = {
  nginx: { imageEnv: { NGINX_VERSION: "1.27.0", NJS_VERSION: "0.8.4", PKG_RELEASE: "2~bookworm" }, defaultCommand: ["nginx", "-g", "daemon off;"], workdir: "/" },
  redis: { imageEnv: { REDIS_VERSION: "7.2.5", REDIS_DOWNLOAD_URL: "http://download.redis.io/releases/redis-7.2.5.tar.gz" }, defaultCommand: ["redis-server"], workdir: "/data" },
  postgres: { imageEnv: { PG_MAJOR: "16", PG_VERSION: "16.3-1.pgdg120+1", PGDATA: "/var/lib/postgresql/data", LANG: "en_US.utf8" }, defaultCommand: ["postgres"], workdir: "/" },
  node: { imageEnv: { NODE_VERSION: "20.15.0", YARN_VERSION: "1.22.22", NODE_ENV: "production" }, defaultCommand: ["node", "server.js"], workdir: "/app" },
  busybox: { imageEnv: {}, defaultCommand: ["sh"], workdir: "/" },
  generic: { imageEnv: {}, defaultCommand: ["/app/server"], workdir: "/app" },
};

/** "gcr.io/x/checkout-service:v1" → "checkout-service": the program a generic image most likely runs. */
export function programName(image: string): string {
  const repository = image.replace(/@.*$/, "").replace(/:[^/]*$/, "");
  return repository.slice(repository.lastIndexOf("/") + 1).replace(/[^A-Za-z0-9._-]/g, "") || "server";
}

export function imageTraits(image: string): ImageTraits {
  const app = appOf(image);
  const alpine = /alpine/.test(tagOf(image)) || /(^|\/)alpine(:|@|$)/.test(image);
  const family = app === "busybox" ? "busybox" : alpine ? "alpine" : "debian";
  const defaults = app === "generic" ? { ...appDefaults.generic, defaultCommand: [`/app/${programName(image)}`] } : appDefaults[app];
  return { app, family, hasBash: family === "debian", ...defaults };
}

export function osRelease(family: ImageTraits["family"]): string {
  if (family === "alpine") {
    return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.1\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
  }
  if (family === "busybox") return 'NAME="BusyBox"\nID=busybox\nVERSION_ID=1.36.1\nPRETTY_NAME="BusyBox v1.36.1"\n';
  return [
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"', 'VERSION="12 (bookworm)"',
    "VERSION_CODENAME=bookworm", "ID=debian", 'HOME_URL="https://www.debian.org/"', 'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"', "",
  ].join("\n");
}
