import { fail, ok } from '../app-error';
import type { Vault } from '../vault';
import type { Handler, Request, Respond } from './handler-types';
import { isExtensionPage } from './sender';
import { toAppError } from './to-app-error';

/**
 * Requests from the extension's own pages: anything else (a content script, another extension)
 * gets `error_forbidden` before a handler runs. Every answered request counts as activity for the
 * auto-lock; errors become message keys (no text from an error crosses over).
 */
export function createExtensionResponder(
  handlers: Partial<{ [K in Request]: Handler<K> }>,
  vault: Vault,
  extensionId: string,
): Respond {
  return async (request, { data, sender }) => {
    const handler = handlers[request] as Handler<typeof request> | undefined;
    if (!handler || !isExtensionPage(sender, extensionId)) return fail({ key: 'error_forbidden' });
    try {
      const value = await handler(data, sender);
      await vault.touch();
      return ok(value);
    } catch (error) {
      return fail(toAppError(error));
    }
  };
}
