import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The floor of any popup (issue 13's anchor): an extension page with N accounts and their codes
 * already written in its HTML, styled by the popup's own stylesheet, no script. Timed in the same
 * loop and by the same observer as the popup.
 */
export const staticCodesPage = (count: number): string => `static-codes-${count}.html`;

/** Writes `static-codes-N.html` for each count into the copied extension. */
export async function writeStaticCodesPages(dir: string, counts: number[]): Promise<void> {
  const popup = await readFile(join(dir, 'popup.html'), 'utf8');
  const styles = (popup.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).join('\n    ');
  for (const count of counts) {
    const rows = Array.from({ length: count }, (_, i) => {
      const code = String((i * 7_919_113) % 1_000_000).padStart(6, '0');
      return `<li class="account" data-testid="account"><button class="account-main" type="button"><span class="account-title"><span data-testid="account-issuer">Issuer ${i}</span> <span data-testid="account-name">user-${i}</span></span><span class="code" data-testid="account-code">${code.slice(0, 3)} ${code.slice(3)}</span></button></li>`;
    });
    const html = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>static codes</title>
    ${styles}
  </head>
  <body>
    <div id="root"><main><ul class="accounts">
${rows.join('\n')}
    </ul></main></div>
  </body>
</html>
`;
    await writeFile(join(dir, staticCodesPage(count)), html);
  }
}

/**
 * The floor of any popup that asks the worker (measured beside the static page): an extension
 * page whose one classic script, run while the page is parsed, asks the worker for
 * `vault.status` and records when the answer arrives. No popup can show a code before that.
 */
export const REQUEST_FLOOR_PAGE = 'request-floor.html';

/** Writes {@link REQUEST_FLOOR_PAGE} and its script into the copied extension. */
export async function writeRequestFloorPage(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'request-floor.js'),
    `chrome.runtime.sendMessage({ id: 1, type: 'vault.status', data: undefined, timestamp: Date.now() })
  .then(() => { window.__answeredAt = performance.now(); });
`,
  );
  await writeFile(
    join(dir, REQUEST_FLOOR_PAGE),
    '<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n    <title>request floor</title>\n    <script src="/request-floor.js"></script>\n  </head>\n  <body></body>\n</html>\n',
  );
}
