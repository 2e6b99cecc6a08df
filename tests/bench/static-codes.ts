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
