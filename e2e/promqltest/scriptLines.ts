/** The script's lines, trimmed, with comment lines blanked so that line numbers stay those of the file. */
export function scriptLines(text: string): string[] {
  return text.split("\n").map((raw) => {
    const line = raw.trim();
    return line.startsWith("#") ? "" : line;
  });
}

/** Index of the last line of the block that starts at `i` (the line before the next blank one). */
export function blockEnd(lines: readonly string[], i: number): number {
  let last = i;
  while (last + 1 < lines.length && lines[last + 1] !== "") last++;
  return last;
}
