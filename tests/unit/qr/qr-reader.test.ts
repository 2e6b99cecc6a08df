import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createQrReader, type QrReader } from '../../../lib/qr/qr-reader';
import { cropImage, type RgbaImage } from '../../../lib/qr/rgba-image';
import { generateHardSet, keycloakUri, qrCanvas, type HardCase } from './hard-set';
import { loadWasmFromDisk, sameBox } from './qr-test-helpers';

/** Generated once for the file: about 1–2 s. */
let hardSet: HardCase[] = [];
let reader: QrReader;

beforeAll(async () => {
  hardSet = await generateHardSet();
  reader = createQrReader({ loadWasm: loadWasmFromDisk });
}, 30_000);

function hardCase(name: string): HardCase {
  const found = hardSet.find((c) => c.name === name);
  if (!found) throw new Error(`no hard case named ${name}`);
  return found;
}

/** A plain QR code on a white canvas, 4 px a module. */
function plainQr(text: string): RgbaImage {
  const canvas = qrCanvas(text, { modulePx: 4 });
  const { data, width, height } = canvas
    .getContext('2d')
    .getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

const HARD_CASE_NAMES = [
  'fhd keycloak 246px',
  'fhd keycloak 130px',
  'qhd keycloak 130px',
  'qhd keycloak 246px',
  'hidpi 1.5x blurry',
  'hidpi 1.25x',
  'zoom 67%',
  'inverted colours',
  'low contrast #777 on #999',
  'rotated 10°',
  'jpeg q40',
  'jpeg q40 130px',
  'google export 10 accounts',
  'two codes',
  'no code',
];

describe('createQrReader on the hard set', () => {
  it('generates every named case', () => {
    expect(hardSet.map((c) => c.name)).toEqual(HARD_CASE_NAMES);
  });

  it.each(HARD_CASE_NAMES)('reads %s with zxing, texts and positions', async (name) => {
    const { image, expected, boxes } = hardCase(name);
    const found = await reader.read(image);
    expect(found.map((qr) => qr.text).sort()).toEqual([...expected].sort());
    // zxing finds them all: jsQR is only the fallback.
    for (const qr of found) expect(qr.decoder).toBe('zxing');
    expected.forEach((text, i) => {
      const qr = found.find((f) => f.text === text);
      expect(sameBox(qr?.position, boxes[i]!, 4), `${text}: ${JSON.stringify(qr?.position)}`).toBe(
        true,
      );
    });
  });

  it('tells the two codes apart by position', async () => {
    const { image, expected } = hardCase('two codes');
    const found = await reader.read(image);
    const [left, right] = expected.map((text) => found.find((qr) => qr.text === text)?.position);
    expect(left && right && left.x + left.width < right.x).toBe(true);
  });

  it('reads a crop of a capture, positions in the crop', async () => {
    const { image, expected, boxes } = hardCase('fhd keycloak 130px');
    const box = boxes[0]!;
    const rect = { x: box.x - 40, y: box.y - 30, width: box.width + 80, height: box.height + 60 };
    const crop = cropImage(image, rect);
    const found = await reader.read(crop);
    expect(found.map((qr) => qr.text)).toEqual(expected);
    const inCrop = { ...box, x: box.x - Math.floor(rect.x), y: box.y - Math.floor(rect.y) };
    expect(sameBox(found[0]?.position, inCrop, 4)).toBe(true);
  });

  it('finds nothing in a crop without the code, and does not throw', async () => {
    const { image } = hardCase('fhd keycloak 246px');
    await expect(
      reader.read(cropImage(image, { x: 1000, y: 600, width: 400, height: 300 })),
    ).resolves.toEqual([]);
  });
});

describe('createQrReader behaviour', () => {
  it('returns one result for the same text shown twice', async () => {
    const text = keycloakUri('twice', 7);
    const code = qrCanvas(text, { modulePx: 4 });
    const canvas = createCanvas(code.width * 2 + 40, code.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(code, 0, 0);
    ctx.drawImage(code, code.width + 40, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const found = await reader.read({ data, width, height });
    expect(found.map((qr) => qr.text)).toEqual([text]);
  });

  it('loads the wasm once, even for reads started together', async () => {
    const loadWasm = vi.fn(loadWasmFromDisk);
    const once = createQrReader({ loadWasm });
    const image = plainQr('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP');
    const results = await Promise.all([once.read(image), once.read(image), once.prepare()]);
    expect(results[0]).toEqual(results[1]);
    expect(results[2]).toBe(true);
    await once.read(image);
    expect(loadWasm).toHaveBeenCalledTimes(1);
  });

  it('does not load the wasm before it is needed', () => {
    const loadWasm = vi.fn(loadWasmFromDisk);
    createQrReader({ loadWasm });
    expect(loadWasm).not.toHaveBeenCalled();
  });

  it('stops at maxSymbols', async () => {
    const { image } = hardCase('two codes');
    const one = createQrReader({ loadWasm: loadWasmFromDisk, maxSymbols: 1 });
    expect(await one.read(image)).toHaveLength(1);
  });
});

describe('jsQR fallback', () => {
  it('alone decodes a plain QR code', async () => {
    const text = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
    const loadWasm = vi.fn(loadWasmFromDisk);
    const jsqrOnly = createQrReader({ loadWasm, decoders: ['jsqr'] });
    const found = await jsqrOnly.read(plainQr(text));
    expect(found).toEqual([
      { text, decoder: 'jsqr', position: expect.objectContaining({ x: expect.any(Number) }) },
    ]);
    expect(loadWasm).not.toHaveBeenCalled();
  });

  it('alone finds both codes of a page, one pass each', async () => {
    const { image, expected, boxes } = hardCase('two codes');
    const found = await createQrReader({ loadWasm: loadWasmFromDisk, decoders: ['jsqr'] }).read(
      image,
    );
    expect(found.map((qr) => qr.text).sort()).toEqual([...expected].sort());
    expected.forEach((text, i) => {
      expect(sameBox(found.find((qr) => qr.text === text)?.position, boxes[i]!, 4)).toBe(true);
    });
  });

  it('takes over when the wasm cannot be loaded, and says why once', async () => {
    const failure = new Error('zxing_reader.wasm: 404');
    const onZxingError = vi.fn();
    const broken = createQrReader({ loadWasm: () => Promise.reject(failure), onZxingError });
    const text = 'otpauth://totp/fallback?secret=JBSWY3DPEHPK3PXP';
    await expect(broken.prepare()).resolves.toBe(false);
    const found = await broken.read(plainQr(text));
    expect(found.map((qr) => [qr.text, qr.decoder])).toEqual([[text, 'jsqr']]);
    await broken.read(plainQr(text));
    expect(onZxingError).toHaveBeenCalledTimes(1);
    expect(onZxingError).toHaveBeenCalledWith(failure);
  });

  it('takes over when the loader throws synchronously', async () => {
    const broken = createQrReader({
      loadWasm: () => {
        throw new Error('no runtime');
      },
    });
    const text = 'otpauth://totp/sync?secret=JBSWY3DPEHPK3PXP';
    expect((await broken.read(plainQr(text))).map((qr) => qr.decoder)).toEqual(['jsqr']);
  });

  it('finds nothing, without throwing, when neither decoder can read the image', async () => {
    const broken = createQrReader({ loadWasm: () => Promise.reject(new Error('offline')) });
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    await expect(broken.read(blank)).resolves.toEqual([]);
  });
});

describe('a broken wasm file', () => {
  it('is reported and jsQR reads instead', async () => {
    const onZxingError = vi.fn();
    const garbage = createQrReader({
      loadWasm: async () => new TextEncoder().encode('<html>404</html>').buffer as ArrayBuffer,
      onZxingError,
    });
    const text = 'otpauth://totp/garbage?secret=JBSWY3DPEHPK3PXP';
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await garbage.read(plainQr(text))).map((qr) => [qr.text, qr.decoder])).toEqual([
        [text, 'jsqr'],
      ]);
    } finally {
      consoleError.mockRestore();
    }
    expect(onZxingError).toHaveBeenCalledTimes(1);
  });

  it('does not break a reader with a good file (zxing keeps one module per realm)', async () => {
    const found = await reader.read(plainQr('otpauth://totp/after?secret=JBSWY3DPEHPK3PXP'));
    expect(found.map((qr) => qr.decoder)).toEqual(['zxing']);
  });
});
