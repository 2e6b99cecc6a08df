import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

const CLIPBOARD_READ = { permissions: ['clipboardRead'] as ['clipboardRead'] };

/**
 * Whether the optional `clipboardRead` permission is granted (null until known). Clearing a
 * copied code needs it: the offscreen document checks the clipboard still holds the code first.
 * `allow` must run from a click (the browser asks the user).
 */
export function useClipboardPermission() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    const check = () => void browser.permissions.contains(CLIPBOARD_READ).then(setGranted);
    check();
    // The user may also revoke it from the browser's extension details page.
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  const allow = useCallback(async () => {
    setGranted(await browser.permissions.request(CLIPBOARD_READ));
  }, []);
  return { granted, allow };
}
