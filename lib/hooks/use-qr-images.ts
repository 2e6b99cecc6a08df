import { useEffect, useState } from 'react';

type QrLib = typeof import('qrcode');

/** `qrcode` is loaded only when the export shows QR codes: it stays out of the page's first load. */
async function loadQr(): Promise<QrLib> {
  const mod = (await import('qrcode')) as QrLib & { default?: QrLib };
  return mod.default ?? mod;
}

const MARGIN = 4;

/**
 * One QR code as a PNG `data:` URL, black on white with the standard 4-module quiet zone, about
 * `size` pixels wide in whole pixels per module (shown unscaled, so every module is sharp).
 */
async function qrDataUrl(text: string, size: number): Promise<string> {
  const qr = await loadQr();
  const modules = qr.create(text, { errorCorrectionLevel: 'M' }).modules.size + MARGIN * 2;
  const scale = Math.max(2, Math.floor(size / modules));
  return qr.toDataURL(text, { errorCorrectionLevel: 'M', margin: MARGIN, scale });
}

/**
 * The QR images of `texts` (`null` while there is nothing to draw or they are being drawn;
 * `failed` when one could not be drawn).
 */
export function useQrImages(texts: readonly string[] | null, size: number) {
  const [images, setImages] = useState<{ for: readonly string[]; urls: string[] } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!texts) return;
    let live = true;
    Promise.all(texts.map((text) => qrDataUrl(text, size))).then(
      (urls) => live && setImages({ for: texts, urls }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [texts, size]);
  return { images: texts && images?.for === texts ? images.urls : null, failed };
}
