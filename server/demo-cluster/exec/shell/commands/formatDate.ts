// strftime for the handful of conversions people type into `date +…`, in UTC like a container's clock.

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const conversions: Record<string, () => string> = {
    a: () => days[d.getUTCDay()]!, b: () => months[d.getUTCMonth()]!, h: () => months[d.getUTCMonth()]!,
    Y: () => String(d.getUTCFullYear()), y: () => pad(d.getUTCFullYear() % 100), m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()), e: () => pad(d.getUTCDate(), 2, " "), H: () => pad(d.getUTCHours()),
    M: () => pad(d.getUTCMinutes()), S: () => pad(d.getUTCSeconds()), s: () => String(Math.floor(ms / 1000)),
    N: () => pad((ms % 1000) * 1_000_000, 9), Z: () => "UTC", z: () => "+0000", j: () => pad(dayOfYear(d), 3),
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    n: () => "\n", t: () => "\t", "%": () => "%",
  };
  return format.replace(/%([A-Za-z%])/g, (whole, code: string) => conversions[code]?.() ?? whole);
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
