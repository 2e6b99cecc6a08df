import type { Page } from 'playwright-core';
import type { ProtocolMap } from '../../../lib/messaging';

type Request = keyof ProtocolMap;

interface ExtensionGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Sends one protocol request from an extension page (as the popup would), for setting up state
 * faster than through the UI. Uses @webext-core/messaging's wire format.
 */
export async function sendFromPage<K extends Request>(
  page: Page,
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]>> {
  const reply = (await page.evaluate(
    ([type, data]) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    },
    [type, data] as const,
  )) as { res?: ReturnType<ProtocolMap[K]>; err?: unknown } | undefined;
  if (!reply || reply.res === undefined)
    throw new Error(`${type} failed: ${JSON.stringify(reply?.err)}`);
  return reply.res;
}
