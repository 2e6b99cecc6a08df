import { ImageUnreadableError } from './errors';
import type { RgbaImage } from '../qr';

/**
 * Decodes an image (`data:` URL of a PNG, JPEG, GIF, WebP or BMP, or a tab capture) into pixels
 * with the worker's own APIs: no page, no DOM. Throws `ImageUnreadableError` for anything else.
 */
export async function imageFromDataUrl(dataUrl: string): Promise<RgbaImage> {
  if (!/^data:image\//i.test(dataUrl)) throw new ImageUnreadableError();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  } catch {
    throw new ImageUnreadableError();
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new ImageUnreadableError();
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}
