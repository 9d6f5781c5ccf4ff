import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callbackUrl";
import { getAuthSettings } from "@/server/auth/authState";
import { authenticatePageRequest } from "@/server/auth/pageSession";
import { getRuntime } from "@/server/runtime";
import { LoginScreen } from "@/components/auth/LoginScreen";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  await headers();
  const settings = getAuthSettings();
  // With login off there is nothing to sign in to.
  if (settings.mode === "none") redirect("/");
  const params = await searchParams;
  const person = await authenticatePageRequest();
  return (
    <LoginScreen
      mode={settings.mode}
      providerName={settings.oidc?.displayName}
      callbackUrl={safeCallbackPath(first(params.callbackUrl), settings.basePath)}
      error={first(params.error)}
      signedOut={first(params.signedOut) === "1"}
      signedIn={person?.via === "session" ? { name: person.name, groups: person.groups } : undefined}
      demo={getRuntime().connection.source === "demo"}
    />
  );
}
