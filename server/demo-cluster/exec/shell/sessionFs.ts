import { baseName, type BaseTree, FsError, type FsNode, parentOf, readContent } from "./fakeFs";

export interface OverlayLimits {
  maxEntries: number;
  maxBytes: number;
}

const defaultLimits: OverlayLimits = { maxEntries: 1_000, maxBytes: 1024 * 1024 };
/** Kernel filesystems: writes fail as they would for an unprivileged container. */
const readOnlyRoots = ["/proc", "/sys"];

/**
 * One exec session's view of the container: the shared base plus this session's own writes.
 * `null` in the overlay is a whiteout (deleted from the base).
 */
export class SessionFs {
  private readonly overlay = new Map<string, FsNode | null>();
  private bytes = 0;

  constructor(private readonly base: BaseTree, private readonly now: () => number = Date.now, private readonly limits = defaultLimits) {}

  stat(path: string): FsNode | undefined {
    if (this.overlay.has(path)) return this.overlay.get(path) ?? undefined;
    for (let dir = parentOf(path); dir !== "/"; dir = parentOf(dir)) if (this.overlay.get(dir) === null) return undefined;
    return this.base.get(path);
  }

  readFile(path: string): string {
    const node = this.stat(path);
    if (!node) throw new FsError("ENOENT");
    if (node.kind === "dir") throw new FsError("EISDIR");
    return readContent(node);
  }

  /** Children of a directory, sorted by name. */
  list(path: string): { name: string; node: FsNode }[] {
    const dir = this.stat(path);
    if (!dir) throw new FsError("ENOENT");
    if (dir.kind !== "dir") throw new FsError("ENOTDIR");
    const names = new Set<string>();
    const prefix = path === "/" ? "/" : `${path}/`;
    for (const source of [this.base.keys(), this.overlay.keys()]) {
      for (const key of source) if (key.startsWith(prefix) && key.length > prefix.length && !key.slice(prefix.length).includes("/")) names.add(key.slice(prefix.length));
    }
    return [...names].sort().flatMap((name) => {
      const node = this.stat(prefix + name);
      return node ? [{ name, node }] : [];
    });
  }

  writeFile(path: string, content: string, append = false): void {
    const existing = this.stat(path);
    if (existing?.kind === "dir") throw new FsError("EISDIR");
    this.requireWritableParent(path);
    const previous = existing ? readContent(existing) : "";
    const next = append ? previous + content : content;
    this.charge(next.length - (this.overlay.get(path) ? previous.length : 0), existing ? 0 : 1);
    this.overlay.set(path, { kind: "file", content: next, mode: existing?.mode ?? 0o644, mtimeMs: this.now() });
  }

  touch(path: string): void {
    const existing = this.stat(path);
    if (!existing) return this.writeFile(path, "");
    this.requireWritable(path);
    const content = existing.kind === "file" ? { content: readContent(existing) } : {};
    this.overlay.set(path, { ...existing, ...content, mtimeMs: this.now() } as FsNode);
  }

  mkdir(path: string, parents = false): void {
    const existing = this.stat(path);
    if (existing) {
      if (parents && existing.kind === "dir") return;
      throw new FsError("EEXIST");
    }
    if (parents && !this.stat(parentOf(path))) this.mkdir(parentOf(path), true);
    this.requireWritableParent(path);
    this.charge(0, 1);
    this.overlay.set(path, { kind: "dir", mode: 0o755, mtimeMs: this.now() });
  }

  remove(path: string, recursive = false): void {
    const node = this.stat(path);
    if (!node || path === "/") throw new FsError(path === "/" ? "EROFS" : "ENOENT");
    this.requireWritable(path);
    if (node.kind === "dir") {
      const children = this.list(path);
      if (children.length > 0 && !recursive) throw new FsError("ENOTEMPTY");
      for (const child of children) this.remove(`${path}/${child.name}`, true);
    }
    this.charge(0, 1);
    this.overlay.set(path, null);
  }

  private requireWritableParent(path: string): void {
    const parent = this.stat(parentOf(path));
    if (!parent) throw new FsError("ENOENT");
    if (parent.kind !== "dir") throw new FsError("ENOTDIR");
    this.requireWritable(path);
  }

  private requireWritable(path: string): void {
    if (readOnlyRoots.some((root) => path === root || path.startsWith(`${root}/`))) throw new FsError("EROFS");
    if (baseName(path) === "") throw new FsError("ENOENT");
  }

  private charge(bytes: number, entries: number): void {
    if (this.bytes + bytes > this.limits.maxBytes || this.overlay.size + entries > this.limits.maxEntries) throw new FsError("ENOSPC");
    this.bytes += Math.max(0, bytes);
  }
}
