import { z } from "zod";

const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const durationPattern = /^(?:\d+(?:ms|s|m|h|d))+$/;

/** Milliseconds in a Go-style duration ("90s", "1h30m", "12h"); undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!durationPattern.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(amount) * unitMs[unit as keyof typeof unitMs];
  }
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/** A positive duration like "1h" or "15m", read as milliseconds. */
export function durationSchema(defaultMs: number) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const ms = typeof value === "number" ? value : parseDuration(value);
      if (ms === undefined || ms <= 0) {
        ctx.addIssue({ code: "custom", message: "not a duration" });
        return z.NEVER;
      }
      return ms;
    })
    .default(defaultMs);
}

/** An absolute http(s) URL without query or fragment (an issuer, or Orrery's external address). */
export const httpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
});

/** A comma-separated list, trimmed, without empty items. */
export const commaListSchema = z.string().transform((text) => text.split(",").map((item) => item.trim()).filter((item) => item !== ""));
