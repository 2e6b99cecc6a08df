import { browser } from 'wxt/browser';
import type { SessionStore } from '../vault';

/**
 * `storage.session`: memory only, cleared when the browser closes, and (by default) closed to
 * content scripts — the one place the unlocked data key may live.
 */
export const browserSessionStore: SessionStore = {
  async get(key) {
    const items = await browser.storage.session.get(key);
    return items[key];
  },
  async set(key, value) {
    await browser.storage.session.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.session.remove(key);
  },
};
