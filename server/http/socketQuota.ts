import type { Person } from "../auth/person";

/** How many sockets of one kind may be open at once. */
export interface SocketCaps {
  /** Per person (by login name), whichever way they logged in. */
  perPerson: number;
  /** Per embed token: everyone viewing one embed link shares it. */
  perEmbedToken: number;
}

export type QuotaGrant = { ok: true; release: () => void } | { ok: false; message: string };

// An embed token's sockets count apart from its maker's: the link is shared, the maker's tabs are not.
function holderOf(person: Person): { key: string; embed: boolean } {
  if (person.via === "embed") return { key: `embed\u0000${person.sessionId ?? person.scope ?? person.name}`, embed: true };
  return { key: `person\u0000${person.name}`, embed: false };
}

/**
 * Counts the open sockets of one kind (stream, exec) per person and per embed token, so one login
 * cannot hold an unbounded number of them. A slot is taken before the handshake and given back once.
 */
export class SocketQuota {
  private readonly open = new Map<string, number>();

  /** `what` names the sockets in refusals, e.g. "live connections" or "shells". */
  constructor(
    private readonly caps: SocketCaps,
    private readonly what: string,
  ) {}

  take(person: Person): QuotaGrant {
    const { key, embed } = holderOf(person);
    const cap = embed ? this.caps.perEmbedToken : this.caps.perPerson;
    const count = this.open.get(key) ?? 0;
    if (count >= cap) return { ok: false, message: this.refusal(person, embed, cap) };
    this.open.set(key, count + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(key) ?? 1) - 1;
        if (left > 0) this.open.set(key, left);
        else this.open.delete(key);
      },
    };
  }

  /** Open sockets counted for this person (or their embed token). */
  count(person: Person): number {
    return this.open.get(holderOf(person).key) ?? 0;
  }

  private refusal(person: Person, embed: boolean, cap: number): string {
    if (embed) return `this embed link already has ${cap} open ${this.what}, its most; close a view of it or make another link`;
    return `${person.name} already has ${cap} open ${this.what}, the most one person may; close some and try again`;
  }
}

/** A websocket close reason fits in 123 bytes of UTF-8; longer messages are cut at a character boundary. */
export function asCloseReason(message: string): string {
  const bytes = Buffer.from(message);
  if (bytes.length <= 123) return message;
  return bytes.subarray(0, 123).toString("utf8").replace(/\uFFFD$/, "");
}
