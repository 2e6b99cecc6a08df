/**
 * The pixel size an image file claims, read from its header before anything decodes it. A 260 KB
 * PNG can claim 16384×16384: decoding it takes a gigabyte and half a minute of the worker, so the
 * size is checked first ({@link MAX_IMAGE_PIXELS}). Formats: PNG, JPEG, GIF, WebP, BMP — what the
 * import accepts and what a tab capture is. Anything else has no readable size.
 */

/** Width × height in pixels. */
interface ImageSize {
  width: number;
  height: number;
}

/** 4096² (16.7 megapixels): a 4K screen capture fits twice; a QR code needs far less. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const i32le = (b: Uint8Array, i: number) =>
  b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const text = (b: Uint8Array, i: number, length: number) =>
  String.fromCharCode(...b.subarray(i, i + length));

function png(b: Uint8Array): ImageSize | undefined {
  if (b.length < 24 || text(b, 12, 4) !== 'IHDR') return undefined;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** The first frame (SOFn) size; markers are walked by their lengths. */
function jpeg(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isSof) return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

/** The logical screen, grown to the first frame as Chromium's decoder does. */
function gif(b: Uint8Array): ImageSize | undefined {
  if (b.length < 13) return undefined;
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  let i = 13 + (b[10]! & 0x80 ? 3 * 2 ** ((b[10]! & 7) + 1) : 0);
  while (i < b.length) {
    if (b[i] === 0x2c) {
      if (i + 9 > b.length) return undefined;
      width = Math.max(width, u16le(b, i + 1) + u16le(b, i + 5));
      height = Math.max(height, u16le(b, i + 3) + u16le(b, i + 7));
      return { width, height };
    }
    if (b[i] !== 0x21) return undefined;
    i += 2;
    while (i < b.length && b[i] !== 0) i += b[i]! + 1;
    i += 1;
  }
  return undefined;
}

function webp(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30 || text(b, 8, 4) !== 'WEBP') return undefined;
  const chunk = text(b, 12, 4);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = i32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return undefined;
}

function bmp(b: Uint8Array): ImageSize | undefined {
  if (b.length < 26) return undefined;
  if (i32le(b, 14) === 12) return { width: u16le(b, 18), height: u16le(b, 20) };
  return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}

const SIGNATURES: [string, (b: Uint8Array) => ImageSize | undefined][] = [
  ['\x89PNG\r\n\x1a\n', png],
  ['\xff\xd8', jpeg],
  ['GIF87a', gif],
  ['GIF89a', gif],
  ['RIFF', webp],
  ['BM', bmp],
];

/** The size `bytes` claims in its header, or `undefined` for another format or a broken header. */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  for (const [signature, read] of SIGNATURES) {
    if (text(bytes, 0, signature.length) === signature) return read(bytes);
  }
  return undefined;
}

/** Whether an image of `size` may be decoded: not empty, at most {@link MAX_IMAGE_PIXELS}. */
export function isDecodableSize({ width, height }: ImageSize): boolean {
  return width > 0 && height > 0 && width * height <= MAX_IMAGE_PIXELS;
}
