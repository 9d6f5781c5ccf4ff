/**
 * Puts the page's CSP nonce on the <style> elements xterm adds inside `root` and applies them again: in production the
 * policy only runs nonced style blocks, and xterm's row sizes and colours live in those blocks.
 */
export function allowTerminalStyles(root: HTMLElement, nonce = pageStyleNonce()): void {
  if (!nonce) return;
  for (const style of root.querySelectorAll("style")) {
    if (style.nonce === nonce) continue;
    style.nonce = nonce;
    // The policy is checked when a style block's text changes, so setting it again makes the browser apply it.
    const css = style.textContent;
    style.textContent = "";
    style.textContent = css;
  }
}

// Shared with webpack and Mantine by components/ui/AppProviders.tsx.
function pageStyleNonce(): string | undefined {
  return (window as { __webpack_nonce__?: string }).__webpack_nonce__;
}
