import type { Result } from '../app-error';
import { fromUser } from '../content/from-user';
import { createScope } from '../content/scope';
import { mountShadow } from '../content/shadow-mount';
import type { Translate } from '../i18n';
import type { ImportOutcome } from '../messaging';

interface OverlayDeps {
  doc: Document;
  t: Translate;
  lang: string;
  sendRegion: (
    rect: { x: number; y: number; width: number; height: number },
    viewportWidth: number,
  ) => Promise<Result<ImportOutcome[]>>;
}

/**
 * Where the running overlay leaves its `stop()` for the next scan: a global of our isolated world,
 * which every injection of this script shares and no page script can see or call (an event on the
 * document, which pages can dispatch too, would let any page close the overlay).
 */
const RUNNING = Symbol.for('pc-authenticator-scan-overlay');
const running = globalThis as { [RUNNING]?: () => void };

const STYLE = `
:host { all: initial; }
.veil { position: fixed; inset: 0; z-index: 2147483647; cursor: crosshair; background: rgba(0,0,0,.35);
  font: 15px/1.5 system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', Meiryo, sans-serif; }
.box { position: fixed; border: 2px solid #7fb0ff; background: rgba(127,176,255,.15); display: none; }
.bar { position: fixed; top: 16px; left: 50%; transform: translateX(-50%); background: #1c1f24;
  color: #fff; padding: 10px 16px; border-radius: 10px; display: flex; gap: 12px; align-items: center;
  box-shadow: 0 4px 16px rgba(0,0,0,.3); cursor: default; width: max-content; max-width: 90vw;
  word-break: auto-phrase; }
button { font: inherit; border-radius: 6px; border: 1px solid #7fb0ff; background: transparent;
  color: #fff; padding: 4px 10px; cursor: pointer; flex: none; white-space: nowrap; }
`;

/**
 * The drag-a-box overlay for a scan that found no single QR code. The box goes to the background
 * in CSS pixels with the viewport width, so the crop is exact at any zoom and devicePixelRatio.
 * Each scan injects this script anew: a new overlay first stops the one before (RUNNING).
 * `stop()` (also Escape, the close button, and 4 s after a success) leaves the page as it was.
 */
export function showScanOverlay({ doc, t, lang, sendRegion }: OverlayDeps): { stop: () => void } {
  running[RUNNING]?.();
  // One left by a copy we can't reach (an older version of the extension).
  doc.querySelector('pc-authenticator-scan')?.remove();
  const scope = createScope();
  running[RUNNING] = scope.stop;
  scope.onStop(() => {
    if (running[RUNNING] === scope.stop) delete running[RUNNING];
  });
  const { root } = mountShadow(scope, doc, {
    name: 'scan',
    style: STYLE,
    html: `<div class="veil" data-testid="scan-overlay" lang="${lang === 'ja' ? 'ja' : 'en'}"><div class="box"></div><div class="bar" role="status"><span></span><button type="button"></button></div></div>`,
    place: (host) => doc.documentElement.append(host),
  });
  const veil = root.querySelector<HTMLElement>('.veil')!;
  const box = root.querySelector<HTMLElement>('.box')!;
  const bar = root.querySelector<HTMLElement>('.bar')!;
  const message = bar.querySelector('span')!;
  const close = bar.querySelector('button')!;
  message.textContent = t('overlay_instructions');
  close.textContent = t('overlay_close');

  close.addEventListener('click', fromUser(scope.stop));
  scope.listen(
    doc,
    'keydown',
    fromUser((event: KeyboardEvent) => {
      if (event.key === 'Escape') scope.stop();
    }),
    { capture: true },
  );

  let start: { x: number; y: number } | null = null;
  const rectTo = (event: MouseEvent) => ({
    x: Math.min(start!.x, event.clientX),
    y: Math.min(start!.y, event.clientY),
    width: Math.abs(event.clientX - start!.x),
    height: Math.abs(event.clientY - start!.y),
  });
  // The box is the user's own drag: a page's synthetic mouse events draw and send nothing.
  veil.addEventListener(
    'mousedown',
    fromUser((event: MouseEvent) => {
      if (bar.contains(event.target as Node)) return;
      start = { x: event.clientX, y: event.clientY };
      event.preventDefault();
    }),
  );
  veil.addEventListener(
    'mousemove',
    fromUser((event: MouseEvent) => {
      if (!start) return;
      const r = rectTo(event);
      Object.assign(box.style, {
        display: 'block',
        left: `${r.x}px`,
        top: `${r.y}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
    }),
  );
  const finish = async (event: MouseEvent) => {
    if (!start) return;
    const rect = rectTo(event);
    start = null;
    if (rect.width < 8 || rect.height < 8) return;
    message.textContent = t('scan_working');
    const reply = await sendRegion(rect, doc.documentElement.clientWidth || innerWidth);
    if (scope.stopped) return;
    const added = reply.ok
      ? reply.value.filter((o) => o.kind === 'added' || o.kind === 'duplicate')
      : [];
    if (added.length === 0) {
      message.textContent = t('overlay_none');
      return;
    }
    message.textContent = added
      .map((o) => t('scan_added', ['title' in o ? o.title : '']))
      .join(' / ');
    box.style.display = 'none';
    veil.style.background = 'transparent';
    scope.timeout(scope.stop, 4000);
  };
  veil.addEventListener(
    'mouseup',
    fromUser((event: MouseEvent) => void finish(event)),
  );
  return { stop: scope.stop };
}
