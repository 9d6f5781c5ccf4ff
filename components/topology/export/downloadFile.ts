/** Revoking at once can cancel the download in some browsers (FileSaver.js waits 40 s); the blob is freed a little later. */
export const REVOKE_DELAY_MS = 30_000;

/** Saves `content` as a file through a temporary object URL and `<a download>`. */
export function downloadFile(fileName: string, content: Blob | string, mime: string): void {
  const blob = typeof content !== "string" && content.type === mime ? content : new Blob([content], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
