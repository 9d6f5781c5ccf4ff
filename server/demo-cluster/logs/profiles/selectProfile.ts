import { hashString } from "../rng";
import { ansiNodeProfile } from "./ansiNode";
import { nginxProfile } from "./nginx";
import { plainTextProfile } from "./plainText";
import { postgresProfile } from "./postgres";
import { redisProfile } from "./redis";
import { shellLoopProfile } from "./shellLoop";
import { structuredJsonProfile } from "./structuredJson";
import type { LogProfile } from "./types";

const byImageName: [RegExp, LogProfile][] = [
  [/nginx|openresty/, nginxProfile],
  [/redis|valkey/, redisProfile],
  [/postgres|timescale|postgis/, postgresProfile],
  [/(^|\/)(busybox|alpine)(:|@|$)/, shellLoopProfile],
  [/(^|\/)node(:|@|$)|storefront|frontend/, ansiNodeProfile],
  [/java|spring|tomcat|jdk|jre/, plainTextProfile],
  [/(^|[/-])go([:@-]|$)|golang/, structuredJsonProfile],
];
const fallbacks = [structuredJsonProfile, plainTextProfile, ansiNodeProfile, structuredJsonProfile];

/** The log profile for an image: by its name where it says what it is, else stable by hash. */
export function selectProfile(image: string): LogProfile {
  const name = image.toLowerCase();
  for (const [pattern, profile] of byImageName) if (pattern.test(name)) return profile;
  return fallbacks[hashString(name) % fallbacks.length]!;
}
