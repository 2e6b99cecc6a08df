import { createCanvas } from '@napi-rs/canvas';
import type { Page } from 'playwright-core';
import type { ImportPreview } from '../../lib/import/types';
import { cropImage, type RgbaImage } from '../../lib/qr/rgba-image';
import { generateHardSet, type Box } from '../unit/qr/hard-set';
import { ensureAccounts, type BenchSection } from './context';
import { ms, summarize, type Table } from './report';

/** Measured requests per image (after one discarded warm-up, the one that adds the account). */
const QR_RUNS = 5;
/** A crop is this many times the code's box, centred on it (clamped to the image). */
const CROP_FACTOR = 1.5;
/** Accounts in the vault while images are checked against it. */
const VAULT_ACCOUNTS = 200;

interface Sample {
  name: string;
  image: RgbaImage;
  /** Whether a QR code is there to be read (false only for the "no code" case). */
  hasCode: boolean;
}

/** The RGBA pixels as a PNG `data:` URL, encoded in Node with @napi-rs/canvas. */
async function pngDataUrl(image: RgbaImage): Promise<string> {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.data);
  ctx.putImageData(data, 0, 0);
  const png = await canvas.encode('png');
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** `box` grown to `CROP_FACTOR` times its size around its centre, clamped to the image. */
function cropAround(image: RgbaImage, box: Box): RgbaImage {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const w = box.width * CROP_FACTOR;
  const h = box.height * CROP_FACTOR;
  const x = Math.max(0, Math.floor(cx - w / 2));
  const y = Math.max(0, Math.floor(cy - h / 2));
  return cropImage(image, {
    x,
    y,
    width: Math.min(image.width, Math.ceil(cx + w / 2)) - x,
    height: Math.min(image.height, Math.ceil(cy + h / 2)) - y,
  });
}

interface Timed {
  elapsed: number[];
  replies: unknown[];
}

/**
 * Sends `import.preview` of an image `count` times from the page, timing each round trip with the page's own
 * clock (performance.now() around chrome.runtime.sendMessage; same wire format as
 * tests/e2e/support/messages.ts). The data URL crosses from Node once, not once per request.
 */
async function timedImports(page: Page, name: string, dataUrl: string, count: number) {
  return page.evaluate(
    async ({ name, dataUrl, count }): Promise<Timed> => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      const out: Timed = { elapsed: [], replies: [] };
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({
          id: 1,
          type: 'import.preview',
          data: { source: { kind: 'image', name, dataUrl } },
          timestamp: Date.now(),
        });
        out.elapsed.push(performance.now() - start);
        out.replies.push(reply);
      }
      return out;
    },
    { name, dataUrl, count },
  );
}

/** What one preview found, as kinds (`new`, `existing`, `skipped`, `no-qr`, `not-otp`…). */
function outcomesOf(reply: unknown, name: string): { kind: string }[] {
  const res = (reply as { res?: { ok: boolean; value?: ImportPreview } })?.res;
  if (!res?.ok || !res.value) throw new Error(`import.preview ${name}: ${JSON.stringify(reply)}`);
  const { items, skipped, notes } = res.value;
  return [
    ...items.map((item) => ({ kind: item.status })),
    ...skipped.map(() => ({ kind: 'skipped' })),
    ...notes,
  ];
}

/** A QR code was read when something but `no-qr` was found (an account, not-otp…). */
const wasRead = (outcomes: { kind: string }[]): boolean =>
  outcomes.some((outcome) => outcome.kind !== 'no-qr');

/** Medians of the full-size captures, with a code and without, for the goals table. */
interface Medians {
  withCode: number[];
  noCode: number[];
}

async function measure(
  page: Page,
  title: string,
  samples: Sample[],
  out?: Medians,
): Promise<Table> {
  const rows: string[][] = [];
  let decoded = 0;
  let withCode = 0;
  const medians: number[] = [];
  for (const sample of samples) {
    const dataUrl = await pngDataUrl(sample.image);
    const { elapsed, replies } = await timedImports(page, sample.name, dataUrl, QR_RUNS + 1);
    // The first request is the warm-up (the QR reader loads); the rest are measured.
    const reads = replies.map((reply) => wasRead(outcomesOf(reply, sample.name)));
    const read = reads.every(Boolean);
    const flaky = !read && reads.some(Boolean);
    const median = summarize(elapsed.slice(1)).median;
    medians.push(median);
    if (sample.image.width >= 1920) (sample.hasCode ? out?.withCode : out?.noCode)?.push(median);
    if (sample.hasCode) {
      withCode++;
      if (read) decoded++;
    }
    const kinds = [...new Set(outcomesOf(replies.at(-1), sample.name).map((o) => o.kind))];
    rows.push([
      sample.name,
      `${sample.image.width}×${sample.image.height}`,
      `${(dataUrl.length / 1024).toFixed(0)} KB`,
      sample.hasCode
        ? read
          ? 'yes'
          : flaky
            ? 'sometimes'
            : 'no'
        : read
          ? 'yes (false!)'
          : '— (none)',
      kinds.join(','),
      ms(median),
    ]);
  }
  rows.push(['', '', '', '', '', '']);
  rows.push([
    `decoded ${decoded}/${withCode}`,
    '',
    '',
    '',
    'median of medians',
    ms(summarize(medians).median),
  ]);
  return {
    title,
    headers: ['image', 'size px', 'data URL', 'decoded', 'last outcome', 'median'],
    rows,
    alignLeft: [0, 3, 4],
    notes: [
      'Goal: all of them decoded. PNG data URL → import.image from an extension page → decode in',
      `the service worker (zxing-wasm, jsQR fallback) → store. ${QR_RUNS} timed round trips per image`,
      'after 1 discarded warm-up (which adds the account; later ones answer "duplicate").',
      'Decoded = some outcome is not no-qr. "google export" is random bytes of the right size, so',
      '"invalid" is its expected outcome; "two codes" holds one OTP and one plain https:// code.',
    ],
  };
}

export const qrDecode: BenchSection = {
  title: 'QR decode over the hard set (Chromium, import.image)',
  async run(ctx) {
    // As in a whole bench run (the popup section leaves 200 accounts): duplicates are looked
    // up among that many, also when only this section runs.
    await ensureAccounts(ctx, VAULT_ACCOUNTS);
    const cases = await generateHardSet();
    const full: Sample[] = cases.map((c) => ({
      name: c.name,
      image: c.image,
      hasCode: c.expected.length > 0,
    }));
    const crops: Sample[] = cases.flatMap((c) =>
      c.boxes.map((box, i) => ({
        name: c.boxes.length > 1 ? `${c.name} [${i + 1}]` : c.name,
        image: cropAround(c.image, box),
        hasCode: true,
      })),
    );
    const big: Medians = { withCode: [], noCode: [] };
    const fullTable = await measure(ctx.driver, 'QR decode: full captures', full, big);
    if (big.withCode.length > 0) {
      const median = summarize(big.withCode).median;
      ctx.goals.push({
        measure: `≥1920 px capture with a code → outcome (median of ${big.withCode.length})`,
        now: ms(median),
        goal: '≤ 80 ms',
        met: median <= 80,
      });
    }
    if (big.noCode.length > 0) {
      const median = summarize(big.noCode).median;
      ctx.goals.push({
        measure: '≥1920 px capture without a code → outcome',
        now: ms(median),
        goal: '≤ 120 ms',
        met: median <= 120,
      });
    }
    const cropTable = await measure(
      ctx.driver,
      `QR decode: crops (${CROP_FACTOR}× the code's box, centred)`,
      crops,
    );
    return [fullTable, cropTable];
  },
};
