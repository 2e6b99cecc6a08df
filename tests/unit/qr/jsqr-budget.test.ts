import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as jsqr from '../../../lib/qr/jsqr-decode';
import { createQrReader } from '../../../lib/qr/qr-reader';
import { cropImage } from '../../../lib/qr/rgba-image';
import { generateHardSet, type HardCase } from './hard-set';
import { loadWasmFromDisk } from './qr-test-helpers';

vi.mock('../../../lib/qr/jsqr-decode', async (importOriginal) => {
  const original = await importOriginal<typeof jsqr>();
  return { decodeWithJsqr: vi.fn(original.decodeWithJsqr) };
});

let noCode: HardCase;
beforeAll(async () => {
  noCode = (await generateHardSet()).find((c) => c.name === 'no code')!;
}, 30_000);

/** A capture without a code must answer fast: jsQR over 2 Mpx cost ~0.5 s for nothing. */
describe('jsQR after zxing', () => {
  it('is skipped on a full capture zxing read and found nothing in', async () => {
    vi.mocked(jsqr.decodeWithJsqr).mockClear();
    const reader = createQrReader({ loadWasm: loadWasmFromDisk });
    expect(await reader.read(noCode.image)).toEqual([]);
    expect(jsqr.decodeWithJsqr).not.toHaveBeenCalled();
  });

  it('still looks at a small crop zxing found nothing in', async () => {
    vi.mocked(jsqr.decodeWithJsqr).mockClear();
    const reader = createQrReader({ loadWasm: loadWasmFromDisk });
    const crop = cropImage(noCode.image, { x: 0, y: 0, width: 400, height: 400 });
    expect(await reader.read(crop)).toEqual([]);
    expect(jsqr.decodeWithJsqr).toHaveBeenCalledTimes(1);
  });

  it('reads a full capture when zxing cannot load', async () => {
    vi.mocked(jsqr.decodeWithJsqr).mockClear();
    const reader = createQrReader({ loadWasm: () => Promise.reject(new Error('no wasm')) });
    expect(await reader.read(noCode.image)).toEqual([]);
    expect(jsqr.decodeWithJsqr).toHaveBeenCalledTimes(1);
  });
});
