import { readdirSync } from "node:fs";
import path from "node:path";

const SEGMENT_NAME = /^\d{8}$/;
const CHECKPOINT_NAME = /^checkpoint\.(\d{8})$/;

export function segmentFileName(segment: number): string {
  return String(segment).padStart(8, "0");
}

export function checkpointFileName(segment: number): string {
  return `checkpoint.${segmentFileName(segment)}`;
}

/** WAL segment numbers present in the directory, ascending. */
export function listSegments(walDir: string): number[] {
  return readdirSafe(walDir)
    .filter((name) => SEGMENT_NAME.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Checkpoints present, newest first; each covers the WAL before its segment number. */
export function listCheckpoints(dir: string): { segment: number; file: string }[] {
  const found: { segment: number; file: string }[] = [];
  for (const name of readdirSafe(dir)) {
    const match = CHECKPOINT_NAME.exec(name);
    if (match) found.push({ segment: Number(match[1]), file: path.join(dir, name) });
  }
  return found.sort((a, b) => b.segment - a.segment);
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}
