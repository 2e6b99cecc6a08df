import { browser } from 'wxt/browser';
import { scheduleClear } from '../../lib/clipboard/offscreen-clear';
import { isClearRequest } from '../../lib/messaging';

// The offscreen document (reason CLIPBOARD): a service worker has no clipboard of its own.
const timers = new Map<string, number>();
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || !isClearRequest(message)) return undefined;
  scheduleClear(document, message, timers);
  return undefined;
});
