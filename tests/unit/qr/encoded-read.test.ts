import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EncodedImage } from '../../../lib/qr/encoded-image';
import { createQrReader, type QrReader } from '../../../lib/qr/qr-reader';
import type { RgbaImage } from '../../../lib/qr/rgba-image';
import { generateHardSet, keycloakUri, qrCanvas, type HardCase } from './hard-set';
import { loadWasmFromDisk, sameBox } from './qr-test-helpers';

/** A tab capture or an image file reaches the reader as bytes: zxing decodes them itself. */
let hardSet: HardCase[] = [];
let reader: QrReader;

beforeAll(async () => {
  hardSet = await generateHardSet();
  reader = createQrReader({ loadWasm: loadWasmFromDisk });
}, 30_000);

/** `image` as a file of `format`, with a `pixels` that hands the RGBA back and counts calls. */
async function encoded(image: RgbaImage, format: 'png' | 'webp' = 'png') {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.data);
  ctx.putImageData(data, 0, 0);
  const bytes = new Uint8Array(await canvas.encode(format as 'png'));
  const pixels = vi.fn(async () => image);
  const file: EncodedImage = { bytes, width: image.width, height: image.height, pixels };
  return { file, pixels };
}

function hardCase(name: string): HardCase {
  const found = hardSet.find((c) => c.name === name);
  if (!found) throw new Error(`no hard case named ${name}`);
  return found;
}

describe('reading image files (EncodedImage)', () => {
  it.each([
    'fhd keycloak 246px',
    'fhd keycloak 130px',
    'qhd keycloak 130px',
    'hidpi 1.5x blurry',
    'zoom 67%',
    'inverted colours',
    'low contrast #777 on #999',
    'rotated 10°',
    'jpeg q40 130px',
    'two codes',
  ])('%s: zxing reads the PNG bytes, at their positions, without RGBA', async (name) => {
    const { image, expected, boxes } = hardCase(name);
    const { file, pixels } = await encoded(image);
    const found = await reader.read(file);
    expect(found.map((qr) => qr.text).sort()).toEqual([...expected].sort());
    for (const qr of found) {
      expect(qr.decoder).toBe('zxing');
      expect(boxes.some((box) => sameBox(qr.position, box, 8))).toBe(true);
    }
    expect(pixels).not.toHaveBeenCalled();
  });

  it('a full capture without a code: nothing, and no pixels (jsQR is not run on it)', async () => {
    const { file, pixels } = await encoded(hardCase('no code').image);
    expect(await reader.read(file)).toEqual([]);
    expect(pixels).not.toHaveBeenCalled();
  });

  it('a small file without a code gets jsQR on its pixels', async () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    const { file, pixels } = await encoded(blank);
    expect(await reader.read(file)).toEqual([]);
    expect(pixels).toHaveBeenCalledTimes(1);
  });

  it('a file zxing cannot load (WebP) is read from its pixels', async () => {
    const uri = keycloakUri('webp', 7);
    const canvas = qrCanvas(uri, { modulePx: 4 });
    const { data, width, height } = canvas
      .getContext('2d')
      .getImageData(0, 0, canvas.width, canvas.height);
    const { file, pixels } = await encoded({ data, width, height }, 'webp');
    const found = await reader.read(file);
    expect(found.map((qr) => qr.text)).toEqual([uri]);
    expect(pixels).toHaveBeenCalledTimes(1);
  });

  it('an unreadable file rejects with the pixels’ error, not a zxing error', async () => {
    const onZxingError = vi.fn();
    const broken = createQrReader({ loadWasm: loadWasmFromDisk, onZxingError });
    const unreadable = new Error('unreadable image');
    const file: EncodedImage = {
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      width: 1920,
      height: 1080,
      pixels: () => Promise.reject(unreadable),
    };
    await expect(broken.read(file)).rejects.toBe(unreadable);
    await expect(
      createQrReader({ loadWasm: loadWasmFromDisk, decoders: ['zxing'] }).read(file),
    ).rejects.toBe(unreadable);
    expect(onZxingError).not.toHaveBeenCalled();
  });
});
