import { fail, ok } from '../app-error';
import { contentOrigin } from './content-sender';
import { ForbiddenSenderError } from './errors';
import type { FullSender, Handler, Request, Respond } from './handler-types';
import { toAppError } from './to-app-error';

/** The verified origin of a content script's page; throws for any other sender. */
export function siteOf(
  extensionId: string,
  allowed: (origin: string) => boolean | Promise<boolean>,
) {
  return async (sender: FullSender): Promise<string> => {
    const origin = contentOrigin(sender, extensionId);
    if (!origin || !(await allowed(origin))) throw new ForbiddenSenderError();
    return origin;
  };
}

/**
 * Requests from content scripts: answered only for our own script in a top frame on an allowed
 * origin, judged from the browser's sender facts. Replies never carry a secret.
 */
export function createContentResponder(
  handlers: Partial<{ [K in Request]: Handler<K> }>,
  site: (sender: FullSender) => Promise<string>,
): Respond {
  return async (request, { data, sender }) => {
    const handler = handlers[request] as Handler<typeof request> | undefined;
    try {
      if (!handler) throw new ForbiddenSenderError();
      await site(sender);
      return ok(await handler(data, sender));
    } catch (error) {
      return fail(
        error instanceof ForbiddenSenderError ? { key: 'error_forbidden' } : toAppError(error),
      );
    }
  };
}
