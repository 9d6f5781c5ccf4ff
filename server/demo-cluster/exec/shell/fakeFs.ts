// A container filesystem that exists only in memory: a read-only base built from the pod,
// and a per-session writable overlay. Nothing here ever touches the host's disk.

export type FileContent = string | (() => string);

export interface FileNode {
  kind: "file";
  content: FileContent;
  mode: number;
  mtimeMs: number;
  /** Size shown by ls when the content is not what a binary really holds (e.g. /bin/ls). */
  displaySize?: number;
  owner?: string;
}

export interface DirNode {
  kind: "dir";
  mode: number;
  mtimeMs: number;
  owner?: string;
}

export type FsNode = FileNode | DirNode;

export type FsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "EROFS" | "ENOSPC";

const messages: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EROFS: "Read-only file system",
  ENOSPC: "No space left on device",
};

export class FsError extends Error {
  constructor(readonly code: FsErrorCode) {
    super(messages[code]);
  }
}

/** Resolves `path` against `cwd` within the fake root: `..` never climbs above `/`. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}

export function baseName(path: string): string {
  return path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1);
}

export function readContent(node: FileNode): string {
  return typeof node.content === "function" ? node.content() : node.content;
}

/** The read-only base: absolute path → node. */
export type BaseTree = ReadonlyMap<string, FsNode>;

export function buildTree(entries: Iterable<[string, FsNode]>, mtimeMs: number): Map<string, FsNode> {
  const tree = new Map<string, FsNode>([["/", { kind: "dir", mode: 0o755, mtimeMs }]]);
  for (const [path, node] of entries) {
    for (let dir = parentOf(path); !tree.has(dir); dir = parentOf(dir)) tree.set(dir, { kind: "dir", mode: 0o755, mtimeMs });
    tree.set(path, node);
  }
  return tree;
}
