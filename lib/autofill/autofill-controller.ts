import type { Result } from '../app-error';
import { onPageChanges } from '../content/page-changes';
import { createScope, type Scope } from '../content/scope';
import type { Translate } from '../i18n';
import type { FillNowReply, PageHints, SiteChoice, SiteCode, SiteCodes } from '../messaging';
import { createBadge, type Badge } from './badge';
import { chooseCode } from './choose-code';
import { detectOtpTarget } from './detect/detect-otp-target';
import type { OtpTarget } from './detect/types';
import { deviceChoices } from './device-chooser';
import { currentValue, fillTarget, submitTarget, targetInputs } from './fill-target';
import { readPageHints } from './page-hints';

interface AutofillDeps {
  doc: Document;
  t: Translate;
  lang: string;
  /** Detect generic OTP fields too (sites the user allowed), not only Keycloak's. */
  generic: boolean;
  /** The codes for this page's origin and user (`hints`: what the page says about itself). */
  requestCodes: (hints: PageHints) => Promise<Result<SiteCodes>>;
  /** 「使うアカウントを選ぶ」: list and bind accounts here. Absent: the badge offers no choice. */
  chooser?: AccountChooser;
  openUnlock: () => void;
  /** Calls back once the vault is unlocked; stops waiting when `scope` stops. */
  waitForUnlock: (scope: Scope, then: () => void) => void;
  /** A form holding the code we filled is being submitted: its step is used from now on. */
  reportSubmit?: (ref: string, code: string) => void;
}

/** The worker's side of choosing an account on a page none is bound to (after the user's click). */
interface AccountChooser {
  list: (hints: PageHints) => Promise<Result<SiteChoice[]>>;
  /** Binds `ref` to the page's origin for its user; its code. */
  choose: (ref: string, hints: PageHints) => Promise<Result<SiteCode>>;
}

/** A running auto-fill: see startAutofill. */
interface Autofill {
  /** Stops watching and removes the badge (the extension was reloaded or the test ended). */
  stop: () => void;
  /**
   * 「このページに入力」, the shortcut and the context menu: fill now, whatever the setting — or say
   * that the user should choose an account (nothing bound here fits, some may be chosen).
   */
  fillNow: () => Promise<FillNowReply>;
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
  const hints = () => readPageHints(deps.doc);
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
    const reply = await deps.requestCodes(hints());
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

  // Nothing bound here fits (this user's): offer the choice, say why there is no code, or go.
  const noneFits = (codes: Extract<SiteCodes, { vault: 'unlocked' }>) => {
    if (!badge) return;
    if (deps.chooser && (codes.choosable ?? 0) > 0) return badge.showChoose(() => void open());
    if (codes.user && codes.othersBound) {
      return badge.showMessage(deps.t('badge_no_account_for_user', [codes.user]));
    }
    badge.remove();
  };

  // The user clicked 「使うアカウントを選ぶ」: only now are the accounts' names asked for.
  const open = async () => {
    const current = target;
    const reply = await deps.chooser?.list(hints());
    if (!reply?.ok || current !== target || !badge) return;
    badge.showChoices(
      reply.value,
      (choice) => void choose(choice.ref),
      () => void refresh(),
    );
  };

  // The user's pick: bound here for this page's user by the worker, filled, and said so.
  const choose = async (ref: string) => {
    const current = target;
    const reply = await deps.chooser?.choose(ref, hints());
    if (!reply || current !== target || !badge) return;
    if (!reply.ok) return void refresh();
    const code = reply.value;
    // Its step was used a moment ago: the refresh says how long, and fills the next code.
    if (code.waitSeconds) return void refresh();
    autoDone = true;
    fill(code, false);
    const host = deps.doc.defaultView?.location.hostname ?? '';
    badge.showCode(code, () => fill(code, false), deps.t('badge_bound', [code.title, host]));
    later(code.secondsLeft);
  };

  // Asked at once, beside this page's report on the submit before it (`page.outcome`): the
  // worker answers after it has applied that report (a refusal gives a used step back).
  const refresh = async () => {
    cancelTimer();
    const current = target;
    if (!current) return;
    const reply = await deps.requestCodes(hints());
    if (current !== target || !reply.ok || !badge) return;
    const codes = reply.value;
    if (codes.vault !== 'unlocked') {
      badge.showLocked(deps.openUnlock);
      deps.waitForUnlock(scope, () => void refresh());
      return;
    }
    const form = current.kind === 'keycloak' ? current.form : null;
    const choice = chooseCode(codes.codes, form ? deviceChoices(form) : []);
    if (choice.kind === 'none') return noneFits(codes);
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
    const value = currentValue(current);
    // First fill into an empty field; later, only our own expired code is replaced. A field the
    // user typed in, or emptied after our fill, is theirs.
    const first = !autoDone && value === '';
    const renew = autoDone && value !== '' && value === lastFilled && value !== code.code;
    if (codes.autoFill && (first || renew)) {
      autoDone = true;
      if (first) choice.select?.select();
      // Filled before the badge is drawn: placing the badge measures the page (a layout).
      fill(code, first && codes.submitAfterFill);
    }
    badge.showCode(code, () => fill(code, false));
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
    // Asked first: the badge is built while the worker answers.
    void refresh();
    badge = createBadge(scope, deps.doc, input, deps);
    watchSubmit(found, input);
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
    // The HTML is parsed before the page's style sheets may apply: place again once they have.
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
      const reply = await deps.requestCodes(hints());
      if (!target || !reply.ok || reply.value.vault !== 'unlocked') return false;
      const form = target.kind === 'keycloak' ? target.form : null;
      const choice = chooseCode(reply.value.codes, form ? deviceChoices(form) : []);
      if (choice.kind === 'none' && (reply.value.choosable ?? 0) > 0) {
        return { choose: true, user: hints().user ?? null };
      }
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
