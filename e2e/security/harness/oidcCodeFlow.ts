// A browser's OIDC login, step by step over fetch: Orrery's sign-in, the provider's (oidc-provider development)
// sign-in and consent forms, and the callback back to Orrery. Both run on 127.0.0.1, where a browser shares
// cookies across ports, so one jar serves both.

/** Cookies by name, as a browser on 127.0.0.1 would send them to either server. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const expired = /;\s*max-age=0/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line);
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}

/** Where a login through the provider ended, and the cookies the browser holds then. */
export interface CodeFlowResult {
  /** Every URL visited, in order. */
  visited: string[];
  finalUrl: URL;
  finalBody: string;
  cookies: string;
  cookieNames: string[];
}

function formOf(html: string): { action: string; prompt: string } | undefined {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
  return action && prompt ? { action: action.replace(/&amp;/g, "&"), prompt } : undefined;
}

/** Signs in at Orrery (base URL `orrery`) through the provider as `login`; follows every redirect to the last page. */
export async function signInThroughProvider(orrery: string, login: string, callbackPath = "/pods"): Promise<CodeFlowResult> {
  const jar = new CookieJar();
  const visited: string[] = [];
  const send = async (url: string, init: RequestInit = {}) => {
    visited.push(url);
    const headers = new Headers(init.headers);
    if (jar.header()) headers.set("cookie", jar.header());
    const response = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    jar.take(response);
    return response;
  };
  const csrf = (await (await send(`${orrery}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await send(`${orrery}/api/auth/signin/oidc`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: orrery },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: callbackPath, json: "true" }).toString(),
  });
  let url = ((await start.json()) as { url: string }).url;
  let response = await send(url);
  for (let hop = 0; hop < 30; hop++) {
    const location = response.headers.get("location");
    if (location) {
      await response.arrayBuffer();
      url = new URL(location, url).toString();
      response = await send(url);
      continue;
    }
    const body = await response.text();
    const form = formOf(body);
    if (!form || new URL(url).origin === orrery) return { visited, finalUrl: new URL(url), finalBody: body, cookies: jar.header(), cookieNames: jar.names() };
    const fields: Record<string, string> = form.prompt === "login" ? { prompt: "login", login, password: "any password" } : { prompt: form.prompt };
    url = new URL(form.action, url).toString();
    response = await send(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin }, body: new URLSearchParams(fields).toString() });
  }
  throw new Error(`the login of ${login} did not end after 30 steps: ${visited.join(" → ")}`);
}
