import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Person } from "@/server/auth/person";
import { ApiError } from "@/server/http/errors";
import type { RemoteWriteReceiverSetting } from "../../metricsSettings";

/** Who may write, ready to check: a group, or the SHA-256 of the bearer token (compared in constant time). */
export type WriterRule = { kind: "group"; group: string } | { kind: "token"; tokenDigest: Buffer };

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Reads the token file once at start; an empty or unreadable file stops start-up with the reason. */
export async function loadWriterRule(setting: RemoteWriteReceiverSetting): Promise<WriterRule> {
  if (setting.kind === "group") return { kind: "group", group: setting.group };
  let text: string;
  try {
    text = await readFile(setting.path, "utf8");
  } catch (error) {
    throw new Error(`--remote-write-receiver token-file:${setting.path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const token = text.trim();
  if (token.length < 16) throw new Error(`--remote-write-receiver token-file:${setting.path} must hold a token of at least 16 characters`);
  return { kind: "token", tokenDigest: digest(token) };
}

function bearerOf(authorization: string | null): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
}

/** Refuses a writer the rule does not admit: 401 without credentials it accepts, 403 for a person outside the group. */
export function checkWriter(rule: WriterRule | undefined, person: Person | null, authorization: string | null): void {
  if (!rule) {
    if (!person) throw ApiError.unauthenticated();
    throw ApiError.notFound("the remote-write receiver is off; start Orrery with --remote-write-receiver group:<name> or token-file:<path>");
  }
  if (rule.kind === "token") {
    const token = bearerOf(authorization);
    if (token === undefined || !timingSafeEqual(digest(token), rule.tokenDigest)) {
      throw new ApiError(401, "unauthenticated", "remote write needs the receiver's bearer token: Authorization: Bearer <token>", { "WWW-Authenticate": 'Bearer realm="orrery remote write"' });
    }
    return;
  }
  if (!person) throw ApiError.unauthenticated();
  if (person.readOnly || !person.groups.includes(rule.group)) throw ApiError.forbidden(`remote write is open to members of the group ${JSON.stringify(rule.group)} only`);
}
