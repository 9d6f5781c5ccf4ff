/**
 * Runs `create` (xterm's synchronous `open`) with every <style> element it makes carrying the page's CSP nonce.
 * Production's style-src runs only nonced style blocks, and xterm keeps its row sizes and colours in such blocks;
 * a nonce added after insertion would still log a violation for each first write.
 */
export function withStyleNonce<T>(create: () => T, nonce = pageStyleNonce()): T {
  if (!nonce) return create();
  const original = document.createElement;
  document.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = original.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof document.createElement;
  try {
    return create();
  } finally {
    document.createElement = original;
  }
}

// Shared with webpack and Mantine by components/ui/AppProviders.tsx.
function pageStyleNonce(): string | undefined {
  return (window as { __webpack_nonce__?: string }).__webpack_nonce__;
}
