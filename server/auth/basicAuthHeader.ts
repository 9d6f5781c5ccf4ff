/** A user name and password from an `Authorization: Basic` header (RFC 7617), or undefined. */
export function parseBasicAuthorization(header: string | undefined): { name: string; password: string } | undefined {
  if (!header) return undefined;
  const match = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  const name = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password === "" || name.length > 253 || password.length > 1024 || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return { name, password };
}
