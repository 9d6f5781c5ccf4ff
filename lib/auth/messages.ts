/** What the login page says for next-auth's error codes; unknown codes get the generic line. */
export function loginErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  switch (code) {
    case "CredentialsSignin":
      return "Invalid user name or password.";
    case "TooManyAttempts":
      return "Too many sign-in attempts. Wait a minute and try again.";
    case "EmailNotVerified":
      return "Your identity provider has not verified your email address, so Orrery cannot use it as your Kubernetes user name. Verify it with the provider, then sign in again.";
    case "ReservedIdentity":
      return "Your identity provider named a Kubernetes user or group reserved for the cluster itself (system:…). Orrery does not act as such an identity. Ask your administrator.";
    case "AccessDenied":
      return "The identity provider did not name a user Orrery can act as. Ask your administrator.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
    case "OAuthCreateAccount":
      return "Signing in with the identity provider failed. Try again.";
    case "SessionRequired":
      return "Please sign in.";
    case "Expired":
      return "The sign-in form expired. Try again.";
    default:
      return "Signing in failed. Try again.";
  }
}

/**
 * The error code when a next-auth result URL is one of its failure pages (`.../api/auth/error?error=...`,
 * `.../api/auth/signin?csrf=true`); undefined for any other URL, such as the page to return to.
 */
export function errorCodeOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://orrery.invalid");
  } catch {
    return "Invalid";
  }
  if (parsed.pathname.endsWith("/api/auth/signin")) return parsed.searchParams.get("error") ?? (parsed.searchParams.get("csrf") === "true" ? "Expired" : "SessionRequired");
  if (parsed.pathname.endsWith("/api/auth/error")) return parsed.searchParams.get("error") ?? "Default";
  return undefined;
}
