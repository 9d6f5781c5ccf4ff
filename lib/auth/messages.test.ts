import { describe, expect, test } from "vitest";
import { errorCodeOf, loginErrorMessage } from "./messages";

describe("errorCodeOf", () => {
  test("reads next-auth's error page codes", () => {
    expect(errorCodeOf("http://h/api/auth/error?error=CredentialsSignin&provider=credentials")).toBe("CredentialsSignin");
    expect(errorCodeOf("http://h/orrery/api/auth/error?error=TooManyAttempts")).toBe("TooManyAttempts");
    expect(errorCodeOf("http://h/api/auth/signin?csrf=true")).toBe("Expired");
  });

  test("does not mistake the page to return to for an error", () => {
    expect(errorCodeOf("http://h/pods?error=CredentialsSignin")).toBeUndefined();
    expect(errorCodeOf("/workloads")).toBeUndefined();
  });
});

describe("loginErrorMessage", () => {
  test("one message for a wrong name and a wrong password", () => {
    expect(loginErrorMessage("CredentialsSignin")).toBe("Invalid user name or password.");
  });

  test("a generic line for unknown codes, nothing for none", () => {
    expect(loginErrorMessage("<script>")).toBe("Signing in failed. Try again.");
    expect(loginErrorMessage(undefined)).toBeUndefined();
  });
});
