import { browser } from 'wxt/browser';
import { createQrReader, type QrReader } from '../qr';

let reader: QrReader | undefined;

/**
 * The QR reader, created on first use: the zxing wasm is fetched from the extension's own files
 * only when a scan or an image import starts, never at service-worker start and never from a CDN.
 */
export function qrReader(): QrReader {
  reader ??= createQrReader({
    loadWasm: () =>
      fetch(browser.runtime.getURL('/zxing_reader.wasm')).then((r) => r.arrayBuffer()),
  });
  return reader;
}
