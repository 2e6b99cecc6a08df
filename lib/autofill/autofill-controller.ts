import type { Result } from '../app-error';
import type { Translate } from '../i18n';
import type { SiteCode, SiteCodes } from '../messaging';
import { createBadge, type Badge } from './badge';
import { chooseCode } from './choose-code';
import { detectOtpTarget } from './detect';
import type { OtpTarget } from './detect/types';
import { deviceChoices } from './device-chooser';
import { currentValue, fillTarget, submitTarget, targetInputs } from './fill-target';

export interface AutofillDeps {
  doc: Document;
  t: Translate;
  lang: string;
  /** Detect generic OTP fields too (sites the user allowed), not only Keycloak's. */
  generic: boolean;
  requestCodes: () => Promise<Result<SiteCodes>>;
  openUnlock: () => void;
  waitForUnlock: (then: () => void) => void;
}

/** A code with this many seconds or fewer left waits for the next one: it could expire in transit. */
const MIN_SECONDS = 3;

/**
 * Watches the page for an OTP field (also one rendered late by script), shows the badge in it and
 * fills the code: automatically when exactly one account fits and the setting is on, otherwise on
 * a click. Never overwrites what the user typed; submits only when the user turned that on.
 */
export function startAutofill(deps: AutofillDeps) {
  let target: OtpTarget | null = null;
  let badge: Badge | null = null;
  let lastFilled = '';
  let autoDone = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fill = (code: SiteCode, submit: boolean) => {
    if (!target) return;
    lastFilled = fillTarget(target, code.code);
    if (submit) submitTarget(target);
  };

  const pick = async (ref: string) => {
    const reply = await deps.requestCodes();
    if (!reply.ok || reply.value.vault !== 'unlocked') return;
    const code = reply.value.codes.find((c) => c.ref === ref);
    if (!code) return;
    fill(code, false);
    badge?.showCode(code, () => void pick(ref));
  };

  const refresh = async () => {
    clearTimeout(timer);
    const current = target;
    if (!current || !badge) return;
    const reply = await deps.requestCodes();
    if (current !== target || !reply.ok) return;
    const codes = reply.value;
    if (codes.vault !== 'unlocked') {
      badge.showLocked(deps.openUnlock);
      deps.waitForUnlock(() => void refresh());
      return;
    }
    const form = current.kind === 'keycloak' ? current.form : null;
    const choice = chooseCode(codes.codes, form ? deviceChoices(form) : []);
    if (choice.kind === 'none') return badge.remove();
    if (choice.kind === 'several') {
      // The chooser may stay open past a code's end: the pick asks for the code as of now.
      return badge.showChooser(choice.codes, (picked) => void pick(picked.ref));
    }
    const { code } = choice;
    if (code.secondsLeft <= MIN_SECONDS) {
      timer = setTimeout(() => void refresh(), code.secondsLeft * 1000 + 150);
      return;
    }
    badge.showCode(code, () => fill(code, false));
    const value = currentValue(current);
    // First fill into an empty field; later, only our own expired code is replaced. A field the
    // user typed in, or emptied after our fill, is theirs.
    const first = !autoDone && value === '';
    const renew = autoDone && value !== '' && value === lastFilled && value !== code.code;
    if (codes.autoFill && (first || renew)) {
      autoDone = true;
      if (first) choice.select?.select();
      fill(code, first && codes.submitAfterFill);
    }
    // Keep the badge's code current; a new one replaces our own fill, never the user's typing.
    timer = setTimeout(() => void refresh(), code.secondsLeft * 1000 + 150);
  };

  const scan = () => {
    const found = detectOtpTarget(deps.doc, { generic: deps.generic });
    const input = found ? targetInputs(found)[0] : undefined;
    if (!found || !input) return;
    if (target && targetInputs(target)[0] === input) return;
    badge?.remove();
    target = found;
    autoDone = false;
    badge = createBadge(deps.doc, input, deps.t, deps.lang);
    void refresh();
  };

  scan();
  const observer = new MutationObserver(scan);
  observer.observe(deps.doc.documentElement, { childList: true, subtree: true });
  const place = () => badge?.place();
  const view = deps.doc.defaultView;
  view?.addEventListener('resize', place, { passive: true });
  view?.addEventListener('scroll', place, { passive: true, capture: true });

  return {
    /** Stops watching and removes the badge (the extension was reloaded or the test ended). */
    stop: () => {
      observer.disconnect();
      clearTimeout(timer);
      view?.removeEventListener('resize', place);
      view?.removeEventListener('scroll', place, { capture: true });
      badge?.remove();
      target = null;
    },
    /** 「このページに入力」, the shortcut and the context menu: fill now, whatever the setting. */
    fillNow: async (): Promise<boolean> => {
      scan();
      if (!target) return false;
      const reply = await deps.requestCodes();
      if (!reply.ok || reply.value.vault !== 'unlocked') return false;
      const form = target.kind === 'keycloak' ? target.form : null;
      const choice = chooseCode(reply.value.codes, form ? deviceChoices(form) : []);
      if (choice.kind !== 'one') return false;
      choice.select?.select();
      fill(choice.code, false);
      return true;
    },
  };
}
