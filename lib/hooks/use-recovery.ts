import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AppError } from '../app-error';
import { sendMessage, type RecoveryInfo, type RecoveryKeyView } from '../messaging';

/** Opens the printable emergency kit in a tab of its own (a popup closes as it opens). */
export function openEmergencyKit(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/emergency-kit.html') });
}

/** The fingerprint, and the key waiting to be written down (asked only while unlocked). */
async function fetchRecovery(unlocked: boolean) {
  const [about, waiting] = await Promise.all([
    sendMessage('recovery.info', undefined),
    unlocked ? sendMessage('recovery.pending', undefined) : null,
  ]);
  return {
    info: about.ok ? about.value : null,
    pending: waiting?.ok ? waiting.value : null,
  };
}

/** What was read, and whether the vault was unlocked when it was. */
interface Loaded {
  unlocked: boolean;
  info: RecoveryInfo | null;
  pending: RecoveryKeyView | null;
}

/**
 * The recovery key as a page sees it: its fingerprint (`info`: `undefined` while reading, `null`
 * when none was made) and, while unlocked, the key made in this session that the user has not
 * written down yet (`pending`). `create` asks for the master password; `confirm` forgets the key.
 */
export function useRecovery(unlocked: boolean) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    setLoaded({ unlocked, ...(await fetchRecovery(unlocked)) });
  }, [unlocked]);

  useEffect(() => {
    let live = true;
    void fetchRecovery(unlocked).then((next) => live && setLoaded({ unlocked, ...next }));
    return () => {
      live = false;
    };
  }, [unlocked]);

  // What was read while locked says nothing of the waiting key: `undefined` until re-read.
  const current = loaded?.unlocked === unlocked ? loaded : undefined;
  const info = current?.info;
  const pending = current?.pending;
  const setPending = (value: RecoveryKeyView | null) =>
    setLoaded((last) => last && { ...last, pending: value });

  /** A new key after the master password; resolves true once it is shown. */
  const create = useCallback(
    async (password: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      const reply = await sendMessage('recovery.create', { password });
      setBusy(false);
      if (!reply.ok) {
        setError(reply.error);
        return false;
      }
      setPending(reply.value);
      await load();
      return true;
    },
    [load],
  );

  /** 「書き留めました」. */
  const confirm = useCallback(async () => {
    setBusy(true);
    const reply = await sendMessage('recovery.confirm', undefined);
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setPending(null);
    await load();
  }, [load]);

  return { info, pending, busy, error, create, confirm, reload: load };
}
