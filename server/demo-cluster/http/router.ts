import type { HttpHandler, HttpMethod, RouteRegistry, UpgradeHandler } from "./types";

interface Route<H> {
  pattern: string;
  segments: string[];
  handler: H;
}

export interface RouteMatch<H> {
  handler: H;
  params: Record<string, string>;
}

/** Splits a path into its segments, ignoring a trailing slash. */
export function splitPath(path: string): string[] {
  const trimmed = path.endsWith("/") && path.length > 1 ? path.slice(0, -1) : path;
  return trimmed.split("/").slice(1);
}

/** Matches one path against a pattern with `:param` segments; undefined when it does not fit. */
export function matchPattern(patternSegments: readonly string[], pathSegments: readonly string[]): Record<string, string> | undefined {
  if (patternSegments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const want = patternSegments[i]!;
    const got = pathSegments[i]!;
    if (want.startsWith(":")) {
      if (got === "") return undefined;
      params[want.slice(1)] = safeDecode(got);
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The routes other parts of the demo cluster register (logs, exec, metrics).
 * The first registered route that matches wins; literal segments are compared exactly.
 */
export class RouteTable implements RouteRegistry {
  private readonly httpRoutes = new Map<HttpMethod, Route<HttpHandler>[]>();
  private readonly upgradeRoutes: Route<UpgradeHandler>[] = [];

  http(method: HttpMethod, pattern: string, handler: HttpHandler): void {
    const routes = this.httpRoutes.get(method) ?? [];
    routes.push({ pattern, segments: validPattern(pattern), handler });
    this.httpRoutes.set(method, routes);
  }

  upgrade(pattern: string, handler: UpgradeHandler): void {
    this.upgradeRoutes.push({ pattern, segments: validPattern(pattern), handler });
  }

  matchHttp(method: string, path: string): RouteMatch<HttpHandler> | undefined {
    return firstMatch(this.httpRoutes.get(method as HttpMethod) ?? [], path);
  }

  matchUpgrade(path: string): RouteMatch<UpgradeHandler> | undefined {
    return firstMatch(this.upgradeRoutes, path);
  }
}

function firstMatch<H>(routes: readonly Route<H>[], path: string): RouteMatch<H> | undefined {
  const segments = splitPath(path);
  for (const route of routes) {
    const params = matchPattern(route.segments, segments);
    if (params) return { handler: route.handler, params };
  }
  return undefined;
}

function validPattern(pattern: string): string[] {
  if (!pattern.startsWith("/")) throw new Error(`route pattern must start with "/": ${pattern}`);
  return splitPath(pattern);
}
