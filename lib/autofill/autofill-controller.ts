import type { Result } from '../app-error';
import { onPageChanges } from '../content/page-changes';
import { createScope, type Scope } from '../content/scope';
import type { Translate } from '../i18n';
import type { SiteCode, SiteCodes } from '../messaging';
import { createBadge, type Badge } from './badge';
import { chooseCode } from './choose-code';
import { detectOtpTarget } from './detect/detect-otp-target';
import type { OtpTarget } from './detect/types';
import { deviceChoices } from './device-chooser';
import { currentValue, fillTarget, submitTarget, targetInputs } from './fill-target';

interface AutofillDeps {
  doc: Document;
  t: Translate;
  lang: string;
  /** Detect generic OTP fields too (sites the user allowed), not only Keycloak's. */
  generic: boolean;
  requestCodes: () => Promise<Result<SiteCodes>>;
  openUnlock: () => void;
  /** Calls back once the vault is unlocked; stops waiting when `scope` stops. */
  waitForUnlock: (scope: Scope, then: () => void) => void;
  /**
   * Settles once the worker heard what this page says about the last submit (a refusal gives
   * back the step it marked used): codes are asked for after it.
   */
  ready?: Promise<unknown>;
  /** A form holding the code we filled is being submitted: its step is used from now on. */
  reportSubmit?: (ref: string, code: string) => void;
}

/** A running auto-fill: see startAutofill. */
interface Autofill {
  /** Stops watching and removes the badge (the extension was reloaded or the test ended). */
  stop: () => void;
  /** 「このページに入力」, the shortcut and the context menu: fill now, whatever the setting. */
  fillNow: () => Promise<boolean>;
  /** Asks for the code again at once (the clock correction changed): replaces only our own fill. */
  renew: () => void;
}

/** A code with this many seconds or fewer left waits for the next one: it could expire in transit. */
const MIN_SECONDS = 3;

/**
 * Watches the page for an OTP field (also one rendered late by script), shows the badge in it and
 * fills the code: automatically when exactly one account fits and the setting is on, otherwise on
 * a click. Never overwrites what the user typed; submits only when the user turned that on.
 * Page changes are scanned in batches when the page is idle (onPageChanges).
 */
export function startAutofill(deps: AutofillDeps): Autofill {
  const scope = createScope();
  let target: OtpTarget | null = null;
  let badge: Badge | null = null;
  let lastFilled = '';
  let lastRef: string | null = null;
  let autoDone = false;
  let cancelTimer = () => {};
  let cancelSubmit = () => {};
  const later = (seconds: number) => {
    cancelTimer = scope.timeout(() => void refresh(), seconds * 1000 + 150);
  };

  const fill = (code: SiteCode, submit: boolean) => {
    if (!target) return;
    lastFilled = fillTarget(target, code.code);
    lastRef = code.ref;
    if (submit) submitTarget(target);
  };

  const pick = async (ref: string) => {
    const reply = await deps.requestCodes();
    if (scope.stopped || !reply.ok || reply.value.vault !== 'unlocked') return;
    const code = reply.value.codes.find((c) => c.ref === ref);
    if (!code) return;
    if (code.waitSeconds) {
      // Its step was used a moment ago: fill the chosen account's next code when it begins.
      badge?.showWaiting(code.waitSeconds);
      cancelTimer();
      cancelTimer = scope.timeout(() => void pick(ref), code.waitSeconds * 1000 + 150);
      return;
    }
    fill(code, false);
    badge?.showCode(code, () => void pick(ref));
  };

  const refresh = async () => {
    cancelTimer();
    await deps.ready;
    const current = target;
    if (!current || !badge) return;
    const reply = await deps.requestCodes();
    if (current !== target || !reply.ok) return;
    const codes = reply.value;
    if (codes.vault !== 'unlocked') {
      badge.showLocked(deps.openUnlock);
      deps.waitForUnlock(scope, () => void refresh());
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
    if (code.waitSeconds) {
      // Keycloak would refuse the used step's code: say so, and fill the next one when it begins.
      badge.showWaiting(code.waitSeconds);
      return later(code.waitSeconds);
    }
    if (code.secondsLeft <= MIN_SECONDS) return later(code.secondsLeft);
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
    later(code.secondsLeft);
  };

  const scan = () => {
    const found = detectOtpTarget(deps.doc, { generic: deps.generic });
    const input = found ? targetInputs(found)[0] : undefined;
    if (!found || !input) return;
    if (target && targetInputs(target)[0] === input) return;
    badge?.remove();
    target = found;
    autoDone = false;
    badge = createBadge(scope, deps.doc, input, deps);
    watchSubmit(found, input);
    void refresh();
  };

  // The code we filled leaves with the form: the worker marks its step used (Keycloak refuses
  // a code twice) and learns the outcome from the next page.
  const watchSubmit = (found: OtpTarget, input: HTMLInputElement) => {
    cancelSubmit();
    const form = found.kind === 'keycloak' ? found.form : input.form;
    if (!form) return;
    const onSubmit = () => {
      if (lastRef && lastFilled && currentValue(found) === lastFilled) {
        deps.reportSubmit?.(lastRef, lastFilled);
      }
    };
    cancelSubmit = scope.listen(form, 'submit', onSubmit, { capture: true });
  };

  scan();
  onPageChanges(scope, deps.doc, scan);
  const place = () => badge?.place();
  const view = deps.doc.defaultView;
  if (view) {
    scope.listen(view, 'resize', place, { passive: true });
    // document_idle can come before the page's style sheets apply: place again once they have.
    scope.listen(view, 'load', place);
    scope.listen(view, 'scroll', place, { passive: true, capture: true });
  }
  scope.onStop(() => {
    target = null;
    badge = null;
  });

  return {
    stop: scope.stop,
    fillNow: async () => {
      if (scope.stopped) return false;
      scan();
      if (!target) return false;
      const reply = await deps.requestCodes();
      if (!target || !reply.ok || reply.value.vault !== 'unlocked') return false;
      const form = target.kind === 'keycloak' ? target.form : null;
      const choice = chooseCode(reply.value.codes, form ? deviceChoices(form) : []);
      if (choice.kind !== 'one') return false;
      choice.select?.select();
      // A used step: the badge says how long, and the next code is filled when it begins.
      if (choice.code.waitSeconds) void pick(choice.code.ref);
      else fill(choice.code, false);
      return true;
    },
    renew: () => void refresh(),
  };
}
