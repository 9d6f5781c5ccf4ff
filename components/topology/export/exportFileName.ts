const two = (value: number) => String(value).padStart(2, "0");

/** A file name that says what and when, in local time: `orrery-topology-pods-2026-11-22T0405.svg`. */
export function exportFileName(view: string, extension: "svg" | "png", now: Date): string {
  const slug = view.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "map";
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}`;
  return `orrery-topology-${slug}-${date}T${time}.${extension}`;
}
