import { fromUser } from '../content/from-user';
import type { Scope } from '../content/scope';
import { mountShadow } from '../content/shadow-mount';
import { durationText } from '../duration-text';
import type { Translate } from '../i18n';
import type { Refusal } from '../messaging';

const STYLE = `
:host { all: initial; display: block; margin: 6px 0; font-family: system-ui, 'Hiragino Sans',
  'Noto Sans CJK JP', Meiryo, sans-serif; font-size: 13px; line-height: 1.6; color: #1b1f24; }
div { padding: 6px 10px; border-radius: 6px; border-left: 4px solid #1f5fbf; background: #eef3fb;
  max-width: 36em; word-break: auto-phrase; line-break: strict; }
p { margin: 0; } p + p { margin-top: 4px; }
b { font-weight: 600; }
button { font: inherit; font-weight: 600; cursor: pointer; margin-top: 6px; border-radius: 6px;
  padding: 4px 10px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible { outline: 3px solid #7fb0ff; outline-offset: 2px; }
`;

/** Keycloak's error under the code field, else the page's error alert: the note goes after it. */
const ANCHORS = [
  '#input-error-otp-code',
  '#input-error-otp',
  '.pf-v5-c-alert.pf-m-danger',
  '.alert-error',
];

interface NoteDeps {
  t: Translate;
  lang: string;
  /** The page's host: the site named in the clock and key messages. */
  hostname: string;
  /** The one-click clock fix (the worker measures again); true once applied. */
  correctClock: () => Promise<boolean>;
  /** After the fix: fill the corrected code (login page). */
  onCorrected: () => void;
}

/**
 * Says, right under Keycloak's own error, why the code we filled was most likely refused and
 * what to do (see `lib/otp/refusal-reason.ts`); for a clock it can correct, one button fixes it.
 * The button answers only the user's own click. It names no secret and no code.
 */
export function showRefusalNote(scope: Scope, doc: Document, refusal: Refusal, deps: NoteDeps) {
  const { t } = deps;
  const anchor = ANCHORS.map((s) => doc.querySelector(s)).find((el) => el !== null);
  const form = doc.querySelector('form#kc-otp-login-form, form#kc-totp-settings-form');
  if (!anchor && !form) return;
  const { root } = mountShadow(scope, doc, {
    name: 'reason',
    style: STYLE,
    html: `<div lang="${deps.lang === 'ja' ? 'ja' : 'en'}" role="status" data-testid="badge-reason"></div>`,
    place: (host) => (anchor ? anchor.after(host) : form?.prepend(host)),
  });
  const box = root.querySelector('div')!;
  const line = (text: string, bold = false) => {
    const p = doc.createElement('p');
    p.append(bold ? Object.assign(doc.createElement('b'), { textContent: text }) : text);
    box.append(p);
    return p;
  };
  const setup = refusal.kind === 'setup';
  const { reason } = refusal;
  switch (reason.kind) {
    case 'clock': {
      line(t('refusal_clock'), true);
      // 「95 秒」 kept on one line (a no-break space) in the note's narrow box.
      const amount = durationText(t, Math.abs(reason.offsetMs)).replace(/ /g, '\u00a0');
      line(t(reason.offsetMs > 0 ? 'clock_behind' : 'clock_ahead', [deps.hostname, amount]));
      if (!reason.correctable) return void line(t('clock_set_pc'));
      const fix = doc.createElement('button');
      fix.type = 'button';
      fix.textContent = t('clock_correct');
      fix.dataset.testid = 'badge-reason-fix';
      fix.addEventListener(
        'click',
        fromUser(() => {
          fix.disabled = true;
          void deps.correctClock().then((done) => {
            fix.remove();
            line(
              t(
                done
                  ? setup
                    ? 'refusal_clock_fixed_setup'
                    : 'refusal_clock_fixed'
                  : 'refusal_clock_failed',
              ),
            );
            if (done) deps.onCorrected();
          });
        }),
      );
      box.append(fix);
      return;
    }
    case 'used':
      return void line(t('refusal_used'), true);
    case 'device':
      return void line(t('refusal_device'), true);
    case 'wrong-key':
      return void line(
        t(setup ? 'refusal_wrong_key_setup' : 'refusal_wrong_key', [deps.hostname]),
        true,
      );
    case 'retry':
      return void line(t(setup ? 'refusal_retry_setup' : 'refusal_retry'), true);
  }
}
