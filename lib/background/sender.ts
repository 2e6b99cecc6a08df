/** The part of `runtime.MessageSender` the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * True only for the extension's own pages (popup, manage page, offscreen document). A content
 * script's sender carries the web page's URL, so it never passes.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' && url.host === extensionId;
  } catch {
    return false;
  }
}
