/** A core/v1 Secret as read from the apiserver; fields Orrery does not touch are sent back as they came. */
export interface SecretObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [field: string]: unknown };
  /** Key → base64 of the value. */
  data?: Record<string, string>;
  [field: string]: unknown;
}

/** The text stored under `key`, or undefined when there is none. */
export function readSecretText(secret: SecretObject, key: string): string | undefined {
  const encoded = secret.data?.[key];
  return encoded === undefined ? undefined : Buffer.from(encoded, "base64").toString("utf8");
}

/** The bytes the apiserver counts against a Secret's limit: the decoded values. */
export function decodedSize(data: Record<string, string>): number {
  let bytes = 0;
  for (const [key, encoded] of Object.entries(data)) bytes += key.length + Buffer.from(encoded, "base64").byteLength;
  return bytes;
}

export function encodeSecretText(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}
