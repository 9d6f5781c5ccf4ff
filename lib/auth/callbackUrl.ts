// Where a login may send the browser afterwards: only a path on this site, never another host.

const maxLength = 2048;
// Control characters, spaces and backslashes: browsers strip or reinterpret them ("/\evil" is "//evil").
const forbiddenRaw = /[\u0000-\u0020\u007f\\]/;
// Once decoded, an encoded space is only text; control characters and backslashes still are not.
const forbiddenDecoded = /[\u0000-\u001f\u007f\\]/;
const probeOrigin = "http://orrery.invalid";

function looksSafe(path: string, forbidden: RegExp): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !forbidden.test(path);
}

// Undo percent-encoding a few times, so "/%2F%2Fevil" or "/%255Cevil" are judged as what they decode to.
function decodedForms(path: string): string[] | undefined {
  const forms = [path];
  let current = path;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  return undefined;
}

/** True for a same-origin relative path like "/pods?ns=a": no scheme, no host, no encoded tricks. */
export function isSafeRelativePath(candidate: string): boolean {
  if (candidate.length === 0 || candidate.length > maxLength) return false;
  const forms = decodedForms(candidate);
  if (!forms || !forms.every((form, index) => looksSafe(form, index === 0 ? forbiddenRaw : forbiddenDecoded))) return false;
  try {
    return new URL(candidate, probeOrigin).origin === probeOrigin;
  } catch {
    return false;
  }
}

function underBasePath(path: string, basePath: string): boolean {
  if (basePath === "") return true;
  return path === basePath || path.startsWith(`${basePath}/`) || path.startsWith(`${basePath}?`);
}

/**
 * The path to return to after login: the candidate when it is a safe path inside Orrery
 * (under `basePath`), else Orrery's home. Paths include the base path, as `location.pathname` does.
 */
export function safeCallbackPath(candidate: unknown, basePath: string): string {
  const home = `${basePath}/`;
  if (typeof candidate !== "string" || !isSafeRelativePath(candidate)) return home;
  const normalized = new URL(candidate, probeOrigin);
  const path = `${normalized.pathname}${normalized.search}${normalized.hash}`;
  return underBasePath(path, basePath) ? path : home;
}

/**
 * next-auth's redirect rule: a relative path, or an absolute URL on Orrery's own origin, is kept
 * as a path; anything else (other hosts, other schemes) goes home. Returns an absolute URL on `origin`.
 */
export function safeRedirectUrl(candidate: string, origin: string, basePath: string): string {
  let path: unknown = candidate;
  if (!candidate.startsWith("/")) {
    try {
      const url = new URL(candidate);
      path = url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
    } catch {
      path = undefined;
    }
  }
  return `${origin}${safeCallbackPath(path, basePath)}`;
}
