import { describe, expect, test } from "vitest";
import { endSessionUrl } from "./endSession";

const publicUrl = "https://orrery.example.com/orrery";

describe("endSessionUrl", () => {
  test("builds an RP-initiated logout URL with id_token_hint and our return address", () => {
    const url = new URL(endSessionUrl({ end_session_endpoint: "https://idp.example/session/end?x=1" }, { idToken: "id.tok.en", clientId: "orrery", postLogoutRedirect: `${publicUrl}/login?signedOut=1`, publicUrl })!);
    expect(url.origin + url.pathname).toBe("https://idp.example/session/end");
    expect(url.searchParams.get("x")).toBe("1");
    expect(url.searchParams.get("id_token_hint")).toBe("id.tok.en");
    expect(url.searchParams.get("client_id")).toBe("orrery");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${publicUrl}/login?signedOut=1`);
  });

  test("is undefined when the provider has no end_session_endpoint", () => {
    expect(endSessionUrl({}, { clientId: "orrery", postLogoutRedirect: `${publicUrl}/login`, publicUrl })).toBeUndefined();
  });

  test.each(["https://evil.example/orrery/login", "https://orrery.example.com/other", "https://orrery.example.com.evil.example/orrery/login", "javascript:alert(1)"])(
    "leaves out a return address %j outside Orrery",
    (postLogoutRedirect) => {
      const url = new URL(endSessionUrl({ end_session_endpoint: "https://idp.example/end" }, { clientId: "orrery", postLogoutRedirect, publicUrl })!);
      expect(url.searchParams.has("post_logout_redirect_uri")).toBe(false);
    },
  );
});
