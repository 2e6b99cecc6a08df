import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyQrText } from '../../../lib/qr/classify-qr-text';
import { createQrReader, type QrReader } from '../../../lib/qr/qr-reader';
import { loadWasmFromDisk, readImageFile } from './qr-test-helpers';

/** The shared fixtures beside the repository (see their MANIFEST.md); not committed here. */
const FIXTURES = new URL('../../../../shared/fixtures/google/', import.meta.url);
const SHARED_FIXTURES = fileURLToPath(new URL('../', FIXTURES));
const present = existsSync(SHARED_FIXTURES);
if (!present) console.warn(`QR fixture tests SKIPPED: ${SHARED_FIXTURES} is absent`);

describe.skipIf(!present)(
  present ? 'real Google Authenticator images' : 'real images — SKIPPED: ../shared/fixtures absent',
  () => {
    let reader: QrReader;
    beforeAll(() => {
      reader = createQrReader({ loadWasm: loadWasmFromDisk });
    });

    it('reads the photo of an export screen (perspective, camera noise)', async () => {
      const expected = await readFile(new URL('example_export.png.decoded.txt', FIXTURES), 'utf8');
      const found = await reader.read(await readImageFile(new URL('example_export.png', FIXTURES)));
      expect(found.map((qr) => qr.text.trim())).toEqual([expected.trim()]);
      expect(classifyQrText(found[0]!.text)).toBe('migration');
    });

    it('reads the photo with jsQR alone too', async () => {
      const expected = await readFile(new URL('example_export.png.decoded.txt', FIXTURES), 'utf8');
      const jsqrOnly = createQrReader({ loadWasm: loadWasmFromDisk, decoders: ['jsqr'] });
      const found = await jsqrOnly.read(
        await readImageFile(new URL('example_export.png', FIXTURES)),
      );
      expect(found.map((qr) => qr.text.trim())).toEqual([expected.trim()]);
    });

    it('reads a QR code that is not an OTP code, and classifies it as other', async () => {
      const found = await reader.read(
        await readImageFile(new URL('qr_but_without_otp.png', FIXTURES)),
      );
      expect(found.map((qr) => qr.text)).toEqual(['NOT A otpauth-migration:// URL']);
      expect(classifyQrText(found[0]!.text)).toBe('other');
    });
  },
);
