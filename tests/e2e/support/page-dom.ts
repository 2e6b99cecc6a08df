import type { Page } from 'playwright-core';

/** The whole DOM as text, open shadow roots included: where a leaked code would show. */
export function domText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const inputs = [...document.querySelectorAll('input')].map((i) => i.value);
    return parts.join('\n') + inputs.join('\n');
  });
}
