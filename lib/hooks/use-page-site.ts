import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type PageSite } from '../messaging';
import { targetTab } from './use-scan';

/**
 * The page behind the popup: fill it, turn the extension on for it (asking the browser for that
 * one origin, from the click itself), and bind accounts to it.
 */
export function usePageSite(onChanged: () => void) {
  const [site, setSite] = useState<PageSite | null>(null);
  const [filled, setFilled] = useState<'filled' | 'nothing' | null>(null);
  const tabId = targetTab();
  const request = tabId === undefined ? {} : { tabId };

  const load = useCallback(async () => {
    const reply = await sendMessage('sites.page', tabId === undefined ? {} : { tabId });
    return reply.ok ? reply.value : null;
  }, [tabId]);

  useEffect(() => {
    void load().then(setSite);
  }, [load]);

  return {
    site,
    filled,
    fill: async () => {
      const reply = await sendMessage('fill.page', request);
      setFilled(reply.ok ? reply.value : 'nothing');
    },
    enable: async () => {
      if (!site?.origin) return;
      // Must run in the click's own task: the browser shows its permission prompt now.
      const granted = await browser.permissions.request({ origins: [`${site.origin}/*`] });
      if (!granted) return;
      await sendMessage('sites.enable', { origin: site.origin });
      setSite(await load());
    },
    disable: async () => {
      if (!site?.origin) return;
      await sendMessage('sites.disable', { origin: site.origin });
      await browser.permissions.remove({ origins: [`${site.origin}/*`] });
      setSite(await load());
    },
    bind: async (id: string, bound: boolean) => {
      if (!site?.origin) return;
      await sendMessage('accounts.bind', { id, origin: site.origin, bound });
      onChanged();
    },
  };
}
