/**
 * QR decoding for the "scan the screen" and "QR image" ways of adding an account: pure, runs in
 * the service worker, an extension page or Node.
 * @see https://github.com/Sec-ant/zxing-wasm
 * @see https://github.com/cozmo/jsQR
 */
export { classifyQrText, type QrTextKind } from './classify-qr-text';
export type { DecodedQr, QrDecoderName } from './decoded-qr';
export {
  createQrReader,
  DEFAULT_MAX_SYMBOLS,
  type QrReader,
  type QrReaderOptions,
} from './qr-reader';
export { cropImage, EmptyCropError, type QrRect, type RgbaImage } from './rgba-image';
