import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../lib/qr/rgba-image';

/** The `.wasm` the extension ships, read the way Node tests (and benchmarks) load it. */
export const ZXING_WASM = new URL(
  '../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm',
  import.meta.url,
);

/** `QrReaderOptions.loadWasm` for Node: the bytes of {@link ZXING_WASM}. */
export async function loadWasmFromDisk(): Promise<ArrayBuffer> {
  const bytes = await readFile(ZXING_WASM);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Decodes a PNG or JPEG file into RGBA pixels, as `createImageBitmap` + canvas would. */
export async function readImageFile(path: string | URL): Promise<RgbaImage> {
  const image = await loadImage(await readFile(path));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return { data, width, height };
}

/** Whether two boxes agree to within `tolerance` pixels on every edge. */
export function sameBox(
  a: { x: number; y: number; width: number; height: number } | undefined,
  b: { x: number; y: number; width: number; height: number },
  tolerance: number,
): boolean {
  if (!a) return false;
  return (
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.x + a.width - (b.x + b.width)) <= tolerance &&
    Math.abs(a.y + a.height - (b.y + b.height)) <= tolerance
  );
}
