import { browser } from 'wxt/browser';
import { isKosmoOrigin } from './content-sender';

const KEY = 'enabledSites';

/** Origins the user turned the extension on for (besides KOSMO, always on). Not secret. */
export async function enabledSites(): Promise<string[]> {
  const { [KEY]: value } = await browser.storage.local.get(KEY);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function setEnabledSites(origins: string[]): Promise<void> {
  await browser.storage.local.set({ [KEY]: [...new Set(origins)] });
}

/** Whether content scripts on `origin` may ask for anything. */
export async function isAllowedOrigin(origin: string): Promise<boolean> {
  return isKosmoOrigin(origin) || (await enabledSites()).includes(origin);
}
