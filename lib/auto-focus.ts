/**
 * React focuses an element rendered with `autoFocus` each time it mounts. The pages run on Preact
 * (wxt.config.ts, issue 13), which only writes the `autofocus` attribute — and the browser honours
 * that once, as the page loads. Without this, everything shown later left the focus on the page's
 * body: the add form, the unlock form after 「ロック」, every delete or bind question (found by the
 * keyboard-only e2e). This gives the pages React's behaviour back: when elements are added, the
 * last one with `autofocus` among them takes the focus, as React's commit would leave it.
 * Returns the function that stops watching.
 */
export function keepAutoFocus(root: Node = document.body): () => void {
  const observer = new MutationObserver((records) => {
    let target: HTMLElement | null = null;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        const found = node.matches('[autofocus]')
          ? node
          : node.querySelector<HTMLElement>('[autofocus]');
        if (found) target = found;
      }
    }
    if (target?.isConnected) target.focus();
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
