import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../settings';

/** The user's settings from `storage.local`, defaults for anything missing or broken. */
export async function readSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return parseSettings(settings);
}
