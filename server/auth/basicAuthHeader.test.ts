import { describe, expect, test } from "vitest";
import { parseBasicAuthorization } from "./basicAuthHeader";

const encode = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

describe("parseBasicAuthorization", () => {
  test("reads name and password; the password may hold colons", () => {
    expect(parseBasicAuthorization(encode("alice:pa:ss"))).toEqual({ name: "alice", password: "pa:ss" });
    expect(parseBasicAuthorization(`basic ${Buffer.from("bob:x").toString("base64")}`)).toEqual({ name: "bob", password: "x" });
  });

  test.each([undefined, "", "Bearer abc", "Basic", "Basic !!!", encode("no-colon"), encode(":password"), encode("alice:"), encode("a\nb:x"), encode(`alice:${"x".repeat(2000)}`)])(
    "refuses %j",
    (header) => {
      expect(parseBasicAuthorization(header)).toBeUndefined();
    },
  );
});
