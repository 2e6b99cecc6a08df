import { browser } from 'wxt/browser';
import { parseClockOffset } from '../clock';

/**
 * "Now" for codes the background makes: the real clock plus the correction the user accepted in
 * the popup (kept in `storage.local`), so fills agree with what the popup shows.
 */
export function startClock(): () => number {
  let offset = 0;
  void browser.storage.local
    .get('clockOffsetMs')
    .then((s) => (offset = parseClockOffset(s.clockOffsetMs)));
  browser.storage.local.onChanged.addListener((changes) => {
    if ('clockOffsetMs' in changes) offset = parseClockOffset(changes.clockOffsetMs?.newValue);
  });
  return () => Date.now() + offset;
}
