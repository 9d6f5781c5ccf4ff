import type { PositionRange } from "../ast";

/** Warnings and infos of one query, worded and positioned as Prometheus words them, each once. */
export class Annotations {
  readonly warnings = new Set<string>();
  readonly infos = new Set<string>();

  constructor(private readonly query: string) {}

  warn(message: string, pos: PositionRange): void {
    this.warnings.add(`PromQL warning: ${message} (${this.lineColumn(pos.start)})`);
  }

  info(message: string, pos: PositionRange): void {
    this.infos.add(`PromQL info: ${message} (${this.lineColumn(pos.start)})`);
  }

  private lineColumn(offset: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.query.length; i++) {
      if (this.query[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
    }
    return `${line}:${offset - lineStart + 1}`;
  }
}

/** Quoted as Go's %q quotes a metric name. */
export function quoted(name: string): string {
  return JSON.stringify(name);
}
