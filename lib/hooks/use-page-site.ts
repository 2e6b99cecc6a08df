import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type FillPageResult, type PageSite } from '../messaging';
import { targetTab } from './use-scan';

/** What 「このページに入力」 did, or — after a choice — which account it bound there and filled. */
export type FillState = FillPageResult | { bound: { id: string; origin: string } };

/**
 * The page behind the popup: fill it (or, when nothing bound there fits, let the user choose an
 * account, bind it there for the page's user and fill), turn the extension on for it (asking the
 * browser for that one origin, from the click itself), and bind accounts to it.
 */
export function usePageSite(onChanged: () => void) {
  const [site, setSite] = useState<PageSite | null>(null);
  const [filled, setFilled] = useState<FillState | null>(null);
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
    choose: async (id: string) => {
      if (!filled || typeof filled !== 'object' || !('choose' in filled)) return;
      const { origin, user } = filled.choose;
      const bound = await sendMessage('accounts.bind', {
        id,
        origin,
        bound: true,
        ...(user ? { user } : {}),
      });
      onChanged();
      if (!bound.ok) return setFilled('nothing');
      const reply = await sendMessage('fill.page', request);
      setFilled(reply.ok && reply.value === 'filled' ? { bound: { id, origin } } : 'nothing');
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
