import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AppError } from '../app-error';
import { sendMessage, type ScanResult } from '../messaging';

/** The tab a popup opened as a tab acts on (`popup.html?tab=N`); a real popup: the active tab. */
export function targetTab(): number | undefined {
  const tab = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(tab) && tab > 0 ? tab : undefined;
}

/** 「画面のQRコードを読み取る」: asks the background to capture and decode the page. */
export function useScan(onAdded: () => void) {
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const scan = useCallback(async () => {
    setScanning(true);
    setError(null);
    const tabId = targetTab();
    const reply = await sendMessage('scan.screen', tabId === undefined ? {} : { tabId });
    setScanning(false);
    if (!reply.ok) return setError(reply.error);
    setResult(reply.value);
    if (reply.value.kind === 'done') onAdded();
  }, [onAdded]);

  const openManage = () =>
    void browser.tabs.create({ url: browser.runtime.getURL('/manage.html') });
  return { scanning, result, error, scan, openManage, dismiss: () => setResult(null) };
}
