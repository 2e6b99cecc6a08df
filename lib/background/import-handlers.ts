import type { Vault } from '../vault';
import type { HandlerMap } from './handler-types';
import { imageFromDataUrl } from './image-data';
import { importTexts, splitPastedText } from './import-texts';
import { qrReader } from './qr-reader';

export type ImportRequest = 'import.image' | 'import.text';

/** Image and text imports from the manage page: decode here, store, report each outcome. */
export function importHandlers(vault: Vault): HandlerMap<ImportRequest> {
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
  };
}
