import { ansiNodeProfile } from "./ansiNode";
import { dotnetProfile } from "./dotnet";
import { imageLanguage, isKubernetesComponent, type ImageLanguage } from "./imageLanguage";
import { klogProfile } from "./klog";
import { nginxProfile } from "./nginx";
import { plainTextProfile } from "./plainText";
import { postgresProfile } from "./postgres";
import { pythonProfile } from "./python";
import { redisProfile } from "./redis";
import { shellLoopProfile } from "./shellLoop";
import { structuredJsonProfile } from "./structuredJson";
import type { LogProfile } from "./types";

// Programs whose own log format is well known come first; any other image logs as a service in its language does.
const byImageName: [RegExp, LogProfile][] = [
  [/nginx|openresty/, nginxProfile],
  [/redis|valkey/, redisProfile],
  [/postgres|timescale|postgis/, postgresProfile],
  [/(^|\/)(busybox|alpine)(:|@|$)/, shellLoopProfile],
];

const byLanguage: Record<Exclude<ImageLanguage, "c" | "shell">, LogProfile> = {
  go: structuredJsonProfile,
  node: ansiNodeProfile,
  java: plainTextProfile,
  python: pythonProfile,
  dotnet: dotnetProfile,
};

/** The log profile for an image: by the program where the name says which, else by the language it is written in. */
export function selectProfile(image: string): LogProfile {
  const name = image.toLowerCase();
  for (const [pattern, profile] of byImageName) if (pattern.test(name)) return profile;
  if (isKubernetesComponent(name)) return klogProfile;
  const language = imageLanguage(name);
  // A C program or a shell script with no profile of its own prints plain lines, as the shell loop does.
  return language === "c" || language === "shell" ? shellLoopProfile : byLanguage[language];
}
