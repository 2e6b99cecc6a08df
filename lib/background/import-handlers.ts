import type { Vault } from '../vault';
import { importTexts, splitPastedText } from './import-texts';
import { imageFromDataUrl, qrReader } from './qr-reader';
import type { PageHandlers } from './routes';

/** Image and text imports from the manage page: decode here, store, report each outcome. */
export function importHandlers(vault: Vault) {
  return {
    'import.image': async ({ name, dataUrl }) => {
      const found = await qrReader().read(await imageFromDataUrl(dataUrl));
      const outcomes =
        found.length === 0
          ? [{ kind: 'no-qr' as const }]
          : await importTexts(
              vault,
              found.map((qr) => qr.text),
            );
      return { source: name, outcomes };
    },
    'import.text': async ({ text }) => ({
      source: 'text',
      outcomes: await importTexts(vault, splitPastedText(text)),
    }),
  } satisfies PageHandlers;
}
