// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../lib/app-error';
import type { Scope } from '../../../lib/content/scope';
import type { RecoveryOffer, RecoveryOfferInfo, RecoverySaved } from '../../../lib/messaging';
import type { RecoveryPageReport } from '../../../lib/recovery-codes/keycloak-pages';
import { startRecoveryCodes } from '../../../lib/recovery-page/start-recovery';
import {
  recoveryConfigBody,
  recoveryInputForm,
} from '../../fixtures/kosmo/pages/recovery-codes-page.mjs';
import { trackPageListeners } from '../content/page-listeners';
import { userClick } from '../content/trusted';

const CODES = ['K7QX2MZP4RTA', 'WN3BH8CJ5LDE'];
const USER = '<span id="kc-attempted-username">yamada.taro</span>';
const INFO: RecoveryOfferInfo = { title: 'KOSMO (yamada.taro)', number: 2, left: 10 };

describe('the recovery code controls', () => {
  let saved: [string[], string][];
  let saveReply: Result<RecoverySaved>;
  let offer: Result<RecoveryOffer>;
  let fills: [number | null, string][];
  let settled: RecoveryPageReport[];
  let submitted: number;
  let waits: { scope: Scope; then: () => void }[];
  let stop: (() => void) | undefined;

  const start = () =>
    ({ stop } = startRecoveryCodes({
      doc: document,
      t: (key, subs) => [key, ...(subs ?? [])].join(' '),
      lang: 'ja',
      hostname: 'densenkenpo.portal.kosmo-web.jp',
      save: async (codes, user) => {
        saved.push([codes, user]);
        return saveReply;
      },
      offer: async () => offer,
      fill: async (asked, user) => {
        fills.push([asked, user]);
        return { ok: true, value: { ...INFO, code: CODES[1]! } };
      },
      submitted: () => void (submitted += 1),
      settle: (report) => void settled.push(report),
      openUnlock: async () => undefined,
      waitForUnlock: (scope, then) => void waits.push({ scope, then }),
    }));
  const control = (testid: string) =>
    document
      .querySelector('pc-authenticator-recovery')
      ?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);
  const status = () =>
    document.querySelector('pc-authenticator-recovery')?.shadowRoot?.querySelector('p')
      ?.textContent;
  const settle = () => vi.advanceTimersByTimeAsync(0);
  const input = () => document.querySelector<HTMLInputElement>('#recoveryCodeInput')!;

  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    fills = [];
    settled = [];
    submitted = 0;
    waits = [];
    saveReply = { ok: true, value: { title: 'KOSMO (yamada.taro)', count: 2, replaced: false } };
    offer = { ok: true, value: { vault: 'unlocked', offer: INFO } };
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  describe.each(['v1', 'v2'])('theme %s', (theme) => {
    it('saves the codes of the setup page on the user’s click only', async () => {
      document.body.innerHTML =
        USER + String(recoveryConfigBody({ theme, action: '/x', codes: CODES, generatedAt: 1 }));
      start();
      expect(
        document.querySelector('#kc-recovery-codes-list + pc-authenticator-recovery'),
      ).not.toBeNull();
      control('recovery-save')!.click();
      await settle();
      expect(saved).toEqual([]);
      userClick(control('recovery-save')!);
      await settle();
      expect(saved).toEqual([[CODES, 'yamada.taro']]);
      expect(status()).toBe('recovery_saved 2 KOSMO (yamada.taro) densenkenpo.portal.kosmo-web.jp');
      expect(settled).toEqual([{ kind: 'other' }]);
    });

    it('fills the offered code on the user’s click, and reports the form sent with it', async () => {
      document.body.innerHTML =
        USER + String(recoveryInputForm({ theme, action: '/x', number: 2 }));
      document.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
      start();
      expect(settled).toEqual([{ kind: 'asking', asked: 2, refused: false }]);
      await settle();
      expect(control('recovery-fill')?.textContent).toBe('recovery_fill_button 2');
      expect(control('recovery-fill')?.title).toBe(INFO.title);
      control('recovery-fill')!.click();
      await settle();
      expect(input().value).toBe('');
      userClick(control('recovery-fill')!);
      await settle();
      expect(fills).toEqual([[2, 'yamada.taro']]);
      expect(input().value).toBe(CODES[1]);
      expect(status()).toBe('recovery_filled 2 KOSMO (yamada.taro) 10');
      document.querySelector('form')!.requestSubmit();
      expect(submitted).toBe(1);
    });
  });

  it('does not report a form sent with something else typed over the code', async () => {
    document.body.innerHTML = String(recoveryInputForm({ theme: 'v1', action: '/x', number: 2 }));
    document.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
    start();
    await settle();
    userClick(control('recovery-fill')!);
    await settle();
    input().value = 'TYPEDBYHAND1';
    document.querySelector('form')!.requestSubmit();
    expect(submitted).toBe(0);
  });

  it('shows nothing on the login page when no code is saved for it', async () => {
    offer = { ok: true, value: { vault: 'unlocked', offer: null } };
    document.body.innerHTML = String(recoveryInputForm({ theme: 'v2', action: '/x', number: 1 }));
    start();
    await settle();
    expect(document.querySelector('pc-authenticator-recovery')).toBeNull();
  });

  it('asks to unlock, then offers the code once unlocked', async () => {
    offer = { ok: true, value: { vault: 'locked' } };
    document.body.innerHTML = String(recoveryInputForm({ theme: 'v2', action: '/x', number: 2 }));
    start();
    await settle();
    expect(control('recovery-fill')?.textContent).toBe('badge_locked');
    expect(waits).toHaveLength(1);
    offer = { ok: true, value: { vault: 'unlocked', offer: INFO } };
    waits[0]!.then();
    await settle();
    expect(control('recovery-fill')?.textContent).toBe('recovery_fill_button 2');
    expect(fills).toEqual([]);
  });

  it('saves right after an unlock when the vault was locked', async () => {
    saveReply = { ok: false, error: { key: 'error_vault_locked' } };
    document.body.innerHTML = String(
      recoveryConfigBody({ theme: 'v1', action: '/x', codes: CODES, generatedAt: 1 }),
    );
    start();
    userClick(control('recovery-save')!);
    await settle();
    expect(status()).toBe('recovery_locked');
    expect(control('recovery-unlock')).not.toBeNull();
    saveReply = { ok: true, value: { title: 'T', count: 2, replaced: true } };
    waits[0]!.then();
    await settle();
    expect(saved).toHaveLength(2);
    expect(status()).toBe('recovery_saved 2 T densenkenpo.portal.kosmo-web.jp recovery_replaced');
  });

  it('takes back everything it added on stop', async () => {
    document.body.innerHTML = String(recoveryInputForm({ theme: 'v1', action: '/x', number: 2 }));
    const before = document.documentElement.outerHTML;
    const listeners = trackPageListeners();
    try {
      start();
      await settle();
      userClick(control('recovery-fill')!);
      await settle();
      input().value = '';
      stop!();
      expect(document.documentElement.outerHTML).toBe(before);
      expect(listeners.active()).toEqual([]);
    } finally {
      listeners.restore();
    }
  });
});
