/**
 * The "hard set": screenshots a user may really scan, generated in Node with `qrcode` (the
 * module matrix) and `@napi-rs/canvas` (the page, scaling, blur, rotation, JPEG). Independent of
 * Vitest so that a benchmark can feed the same pixels to a browser. Deterministic: a seeded
 * random generator, no clock.
 * @see https://github.com/soldair/node-qrcode#createtext-options
 * @see https://github.com/Brooooooklyn/canvas
 */
import { createCanvas, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { RgbaImage } from '../../../lib/qr/rgba-image';

/** One generated screenshot and the QR texts a reader must find in it (any order). */
export interface HardCase {
  name: string;
  image: RgbaImage;
  expected: string[];
  /** The codes' boxes in image pixels, in the order of `expected` (for position checks). */
  boxes: Box[];
}

/** An upright rectangle in image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** 「電線工業健康保険組合」, percent-encoded UTF-8 as Keycloak writes a Japanese realm name. */
export const KOSMO_ISSUER =
  '%E9%9B%BB%E7%B7%9A%E5%B7%A5%E6%A5%AD%E5%81%A5%E5%BA%B7%E4%BF%9D%E9%99%BA%E7%B5%84%E5%90%88';

/** A Keycloak `otpauth://` URI for `user`, with a 32-character Base32 key from `seed`. */
export function keycloakUri(user: string, seed: number): string {
  const secret = base32(randomBytes(20, seed));
  return (
    `otpauth://totp/${KOSMO_ISSUER}:${user}?secret=${secret}` +
    `&digits=6&algorithm=SHA1&issuer=${KOSMO_ISSUER}&period=30`
  );
}

/**
 * A Google Authenticator export text of the size a 10-account batch has: only the size and the
 * alphabet matter here (the text has to round-trip), so `data` is random bytes.
 */
export function googleExportUri(byteCount: number, seed: number): string {
  const data = Buffer.from(randomBytes(byteCount, seed)).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}

/** Options of {@link qrCanvas}. */
interface QrStyle {
  /** Pixels per module (an integer: the source PNG as a server draws it). */
  modulePx: number;
  /** Size of the square PNG; the code is centred in it, like Keycloak's 246×246. */
  canvasPx?: number;
  dark?: string;
  light?: string;
}

/** Draws `text` as a crisp QR code (error correction M, 4-module quiet zone). */
export function qrCanvas(text: string, style: QrStyle): Canvas {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const codePx = (modules.size + 8) * style.modulePx;
  const size = style.canvasPx ?? codePx;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = style.light ?? '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = style.dark ?? '#000';
  const origin = Math.floor((size - codePx) / 2) + 4 * style.modulePx;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) {
        ctx.fillRect(
          origin + col * style.modulePx,
          origin + row * style.modulePx,
          style.modulePx,
          style.modulePx,
        );
      }
    }
  }
  return canvas;
}

/** Keycloak's QR image: a 246×246 PNG, 3 px a module for its usual version-12 URI. */
function keycloakPng(text: string): Canvas {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return qrCanvas(text, { modulePx: Math.floor(246 / (modules.size + 8)), canvasPx: 246 });
}

/** Options of {@link page}. */
interface PageOptions {
  width: number;
  height: number;
  /** CSS-to-device pixel ratio (HiDPI, page zoom): everything is drawn that much larger. */
  scale?: number;
  seed: number;
  background?: string;
  ink?: string;
}

/** A login-portal-like page: header bar, panels, lines of Japanese and Latin text, buttons. */
function page(options: PageOptions): { canvas: Canvas; ctx: SKRSContext2D } {
  const { width, height, seed } = options;
  const scale = options.scale ?? 1;
  const ink = options.ink ?? '#222';
  const random = mulberry32(seed);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = options.background ?? '#f4f6f8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1f4e8c';
  ctx.fillRect(0, 0, width, 64 * scale);
  ctx.fillStyle = '#fff';
  ctx.font = `${22 * scale}px "Noto Sans CJK JP", sans-serif`;
  ctx.fillText('KOSMO Communication Web', 24 * scale, 42 * scale);
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#ccd';
  ctx.fillRect(240 * scale, 100 * scale, width - 480 * scale, height - 160 * scale);
  ctx.strokeRect(240 * scale, 100 * scale, width - 480 * scale, height - 160 * scale);
  const words = [
    'モバイル',
    'オーセンティケーター',
    'の設定',
    'Scan the barcode',
    '実行',
    'OTP',
    '■□',
  ];
  ctx.fillStyle = ink;
  for (let y = 140 * scale; y < height - 80 * scale; y += 28 * scale) {
    let x = 270 * scale;
    while (x < width - 300 * scale && random() < 0.93) {
      const word = words[Math.floor(random() * words.length)] ?? '';
      ctx.font = `${(14 + Math.floor(random() * 6)) * scale}px "Noto Sans CJK JP", sans-serif`;
      ctx.fillText(word, x, y);
      x += ctx.measureText(word).width + 8 * scale;
    }
  }
  // Icons and buttons: small dark squares are what a QR finder search trips over.
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = random() < 0.5 ? ink : '#1f4e8c';
    const s = (8 + random() * 24) * scale;
    ctx.fillRect(random() * (width - s), 70 * scale + random() * (height - 70 * scale - s), s, s);
  }
  return { canvas, ctx };
}

/** Clears a white panel behind a code so the text does not run under it. */
function panel(ctx: SKRSContext2D, box: Box, colour = '#fff'): void {
  ctx.fillStyle = colour;
  ctx.fillRect(box.x - 10, box.y - 10, box.width + 20, box.height + 20);
}

/**
 * Draws `source` into `box` with smoothing (what a browser does when it scales an image) and
 * returns the box of the code itself (inside its quiet zone).
 */
function place(ctx: SKRSContext2D, source: Canvas, box: Box, text: string): Box {
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, box.x, box.y, box.width, box.height);
  return codeBox(text, source.width, box);
}

/** Where the code's modules are once a `sourcePx` PNG (code centred) is drawn into `box`. */
function codeBox(text: string, sourcePx: number, box: Box): Box {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modulePx = Math.floor(sourcePx / (modules.size + 8));
  const sourceCode = modules.size * modulePx;
  const k = box.width / sourcePx;
  const offset = (Math.floor((sourcePx - (modules.size + 8) * modulePx) / 2) + 4 * modulePx) * k;
  return { x: box.x + offset, y: box.y + offset, width: sourceCode * k, height: sourceCode * k };
}

function pixels(canvas: Canvas): RgbaImage {
  const { data, width, height } = canvas
    .getContext('2d')
    .getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

/** Round-trips the canvas through a JPEG of the given quality, to get its artefacts. */
async function jpeg(canvas: Canvas, quality: number): Promise<RgbaImage> {
  const decoded = await loadImage(await canvas.encode('jpeg', quality));
  const out = createCanvas(decoded.width, decoded.height);
  out.getContext('2d').drawImage(decoded, 0, 0);
  return pixels(out);
}

/** Inverts every pixel's colour (a dark theme or a "high contrast" mode). */
function invert(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 255 - (data[i] ?? 0);
    data[i + 1] = 255 - (data[i + 1] ?? 0);
    data[i + 2] = 255 - (data[i + 2] ?? 0);
  }
  return { data, width: image.width, height: image.height };
}

/** A Keycloak setup page with its QR at `size` CSS px, captured at `scale` device px per CSS px. */
function keycloakCapture(options: {
  width: number;
  height: number;
  size: number;
  scale?: number;
  seed: number;
  blur?: number;
  text: string;
}): { canvas: Canvas; box: Box } {
  const scale = options.scale ?? 1;
  const { canvas, ctx } = page({
    width: options.width,
    height: options.height,
    scale,
    seed: options.seed,
  });
  // A fractional position: centred layouts rarely land on a device-pixel boundary.
  const at: Box = {
    x: 300.5 * scale + 0.3,
    y: 260 * scale + 0.6,
    width: options.size * scale,
    height: options.size * scale,
  };
  panel(ctx, at);
  if (options.blur) ctx.filter = `blur(${options.blur}px)`;
  const box = place(ctx, keycloakPng(options.text), at, options.text);
  ctx.filter = 'none';
  return { canvas, box };
}

/**
 * Generates the named hard set. About 1–2 s in Node; generate once per test file.
 * Names are stable: benchmarks report by name.
 */
export async function generateHardSet(): Promise<HardCase[]> {
  const uri = keycloakUri('user1', 1);
  const cases: HardCase[] = [];
  const add = (name: string, image: RgbaImage, expected: string[], boxes: Box[]): void => {
    cases.push({ name, image, expected, boxes });
  };

  {
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 246,
      seed: 11,
      text: uri,
    });
    add('fhd keycloak 246px', pixels(canvas), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 130,
      seed: 12,
      text: uri,
    });
    add('fhd keycloak 130px', pixels(canvas), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 2560,
      height: 1440,
      size: 130,
      seed: 13,
      text: uri,
    });
    add('qhd keycloak 130px', pixels(canvas), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 2560,
      height: 1440,
      size: 246,
      seed: 14,
      text: uri,
    });
    add('qhd keycloak 246px', pixels(canvas), [uri], [box]);
  }
  {
    // 1920×1080 CSS px on a 150 % display: modules 4.5 device px, soft edges.
    const { canvas, box } = keycloakCapture({
      width: 2880,
      height: 1620,
      size: 246,
      scale: 1.5,
      blur: 0.8,
      seed: 15,
      text: uri,
    });
    add('hidpi 1.5x blurry', pixels(canvas), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 2400,
      height: 1350,
      size: 246,
      scale: 1.25,
      seed: 16,
      text: uri,
    });
    add('hidpi 1.25x', pixels(canvas), [uri], [box]);
  }
  {
    // Page zoom 67 % at 1920×1080: modules 2 device px, smoothed.
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 246,
      scale: 0.67,
      seed: 17,
      text: uri,
    });
    add('zoom 67%', pixels(canvas), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 246,
      seed: 18,
      text: uri,
    });
    add('inverted colours', invert(pixels(canvas)), [uri], [box]);
  }
  {
    const text = keycloakUri('low.contrast', 2);
    const { canvas, ctx } = page({
      width: 1920,
      height: 1080,
      seed: 19,
      background: '#999',
      ink: '#777',
    });
    const at: Box = { x: 700, y: 300, width: 246, height: 246 };
    panel(ctx, at, '#999');
    const source = qrCanvas(text, { modulePx: 3, canvasPx: 246, dark: '#777', light: '#999' });
    const box = place(ctx, source, at, text);
    add('low contrast #777 on #999', pixels(canvas), [text], [box]);
  }
  {
    const text = keycloakUri('rotated', 3);
    const { canvas, ctx } = page({ width: 1920, height: 1080, seed: 20 });
    const at: Box = { x: 800, y: 300, width: 246, height: 246 };
    panel(ctx, { x: at.x - 30, y: at.y - 30, width: 306, height: 306 });
    ctx.save();
    ctx.translate(at.x + 123, at.y + 123);
    ctx.rotate((10 * Math.PI) / 180);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(keycloakPng(text), -123, -123);
    ctx.restore();
    // The rotated code's upright bounding box: its half-diagonal reaches 123·(cos+sin) px.
    const half =
      (codeBox(text, 246, at).width / 2) * (Math.cos(Math.PI / 18) + Math.sin(Math.PI / 18));
    add(
      'rotated 10°',
      pixels(canvas),
      [text],
      [{ x: at.x + 123 - half, y: at.y + 123 - half, width: 2 * half, height: 2 * half }],
    );
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 246,
      seed: 21,
      text: uri,
    });
    add('jpeg q40', await jpeg(canvas, 40), [uri], [box]);
  }
  {
    const { canvas, box } = keycloakCapture({
      width: 1920,
      height: 1080,
      size: 130,
      seed: 22,
      text: uri,
    });
    add('jpeg q40 130px', await jpeg(canvas, 40), [uri], [box]);
  }
  {
    // A phone screenshot of Google Authenticator's export (10 accounts) shown in an image viewer.
    const text = googleExportUri(650, 4);
    const phone = createCanvas(1080, 2340);
    const pctx = phone.getContext('2d');
    pctx.fillStyle = '#fff';
    pctx.fillRect(0, 0, 1080, 2340);
    pctx.fillStyle = '#202124';
    pctx.font = '48px "Noto Sans CJK JP", sans-serif';
    pctx.fillText('このQRコードをスキャン', 120, 300);
    const source = qrCanvas(text, { modulePx: 6 });
    const at: Box = {
      x: (1080 - source.width) / 2,
      y: 500,
      width: source.width,
      height: source.height,
    };
    pctx.drawImage(source, at.x, at.y);
    const { canvas, ctx } = page({ width: 1920, height: 1080, seed: 23, background: '#333' });
    const k = 1000 / 2340;
    const shown: Box = { x: 700, y: 40, width: 1080 * k, height: 2340 * k };
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(phone, shown.x, shown.y, shown.width, shown.height);
    const code = codeBox(text, source.width, {
      x: shown.x + at.x * k,
      y: shown.y + at.y * k,
      width: source.width * k,
      height: source.width * k,
    });
    add('google export 10 accounts', pixels(canvas), [text], [code]);
  }
  {
    const first = keycloakUri('first', 5);
    const second = 'https://densenkenpo.portal.kosmo-web.jp/help?topic=otp';
    const { canvas, ctx } = page({ width: 1920, height: 1080, seed: 24 });
    const a: Box = { x: 400, y: 300, width: 246, height: 246 };
    const b: Box = { x: 1200, y: 600, width: 200, height: 200 };
    panel(ctx, a);
    panel(ctx, b);
    const boxA = place(ctx, keycloakPng(first), a, first);
    const boxB = place(ctx, qrCanvas(second, { modulePx: 5 }), b, second);
    add('two codes', pixels(canvas), [first, second], [boxA, boxB]);
  }
  {
    const { canvas } = page({ width: 1920, height: 1080, seed: 25 });
    add('no code', pixels(canvas), [], []);
  }
  return cases;
}

/** Base32 (RFC 4648) without padding. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function randomBytes(count: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  return Uint8Array.from({ length: count }, () => Math.floor(random() * 256));
}

/** A small seeded PRNG, so every run draws the same pages. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
