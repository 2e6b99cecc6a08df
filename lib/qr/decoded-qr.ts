import type { QrRect } from './rgba-image';

/** Which library found a code: `zxing-wasm` (ZXing-C++) or the pure-JS fallback `jsQR`. */
export type QrDecoderName = 'zxing' | 'jsqr';

/** One QR code found in an image. */
export interface DecodedQr {
  /** The text the code holds, exactly as decoded (not trimmed). */
  text: string;
  /**
   * The smallest upright box around the code's four corners, in pixels of the image that was
   * read. Both decoders report it; it is optional so that a caller never depends on it.
   */
  position?: QrRect;
  /** Which decoder found it (for diagnostics and benchmarks). */
  decoder: QrDecoderName;
}

/** A corner as both decoders report it. */
interface QrPoint {
  x: number;
  y: number;
}

/** The upright bounding box of a code's corners. */
export function boundingBox(points: readonly QrPoint[]): QrRect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
