import { fail, ok, type AppError, type Result } from '../app-error';
import { onMessage, type ProtocolMap } from '../messaging';
import { ForbiddenSenderError } from './errors';
import { isExtensionPage, verifyContent, type ContentSender, type SenderFacts } from './senders';
import { toAppError } from './to-app-error';

export type Request = keyof ProtocolMap;
export type Data<K extends Request> = Parameters<ProtocolMap[K]>[0];
type Value<K extends Request> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/** A request from the extension's own pages (popup, manage page). */
type PageHandler<K extends Request> = (data: Data<K>) => Promise<Value<K>>;
/** A request from a content script, with the origin and tab the sender check verified. */
type ContentHandler<K extends Request> = (data: Data<K>, from: ContentSender) => Promise<Value<K>>;

/**
 * Who may send a request, and how its handler is called:
 * - `page`: the extension's own pages only (every vault operation);
 * - `content`: our content script in a tab's top frame, on KOSMO or a site the user allowed;
 * - `overlay`: the scan overlay, our script in the top frame of whatever tab the user scanned.
 */
type Route<K extends Request> =
  | { audience: 'page'; handle: PageHandler<K> }
  | { audience: 'content' | 'overlay'; handle: ContentHandler<K> };

/** The registry: every request of {@link ProtocolMap} with its audience and handler, none missing. */
export type Routes = { [K in Request]: Route<K> };

/** What a handler module offers, before it is given an audience. */
export type PageHandlers = { [K in Request]?: PageHandler<K> };
export type ContentHandlers = { [K in Request]?: ContentHandler<K> };

type Routed<M, A> = { [K in keyof M]: { audience: A; handle: M[K] } };

function routed<M extends object, A>(handlers: M, audience: A): Routed<M, A> {
  const entries = Object.entries(handlers).map(([key, handle]) => [key, { audience, handle }]);
  return Object.fromEntries(entries) as Routed<M, A>;
}

/** Gives every handler of `handlers` the `page` audience. */
export const forPages = <M extends PageHandlers>(handlers: M) => routed(handlers, 'page' as const);
/** Gives every handler of `handlers` the `content` audience. */
export const forContent = <M extends ContentHandlers>(handlers: M) =>
  routed(handlers, 'content' as const);
/** Gives every handler of `handlers` the `overlay` audience. */
export const forOverlay = <M extends ContentHandlers>(handlers: M) =>
  routed(handlers, 'overlay' as const);

/** What the sender checks need from the worker. */
interface Gate {
  extensionId: string;
  /** Whether content scripts on this origin may ask anything (KOSMO or an allowed site). */
  isAllowed: (origin: string) => boolean | Promise<boolean>;
  /** Records activity for the auto-lock (every answered page request). */
  touch: () => Promise<void>;
}

/** Answers one request: the sender check of its audience, then the handler, errors as keys. */
export type Respond = <K extends Request>(
  request: K,
  message: { data: Data<K>; sender: SenderFacts },
) => Promise<Result<Value<K>>>;

const FORBIDDEN: AppError = { key: 'error_forbidden' };
const anyOrigin = () => true;

/**
 * The one place a sender is judged, from the browser's own sender facts. A page request from
 * anything but an extension page, or a request with no route, gets `error_forbidden` before a
 * handler runs; a content script's origin is verified once and handed to its handler. Errors
 * become message keys: no text from an error crosses over.
 */
export function createResponder(routes: Partial<Routes>, gate: Gate): Respond {
  return async <K extends Request>(
    request: K,
    { data, sender }: { data: Data<K>; sender: SenderFacts },
  ): Promise<Result<Value<K>>> => {
    const route = routes[request] as Route<K> | undefined;
    if (!route) return fail(FORBIDDEN);
    if (route.audience === 'page') {
      if (!isExtensionPage(sender, gate.extensionId)) return fail(FORBIDDEN);
      try {
        const value = await route.handle(data);
        // The activity is recorded without holding the answer back (two storage trips).
        void gate.touch().catch(() => undefined);
        return ok(value);
      } catch (error) {
        return fail(toAppError(error));
      }
    }
    try {
      const allowed = route.audience === 'content' ? gate.isAllowed : anyOrigin;
      const from = await verifyContent(sender, gate.extensionId, allowed);
      return ok(await route.handle(data, from));
    } catch (error) {
      return fail(error instanceof ForbiddenSenderError ? FORBIDDEN : toAppError(error));
    }
  };
}

/** Registers every route of the registry with `onMessage`: the list is the registry's keys. */
export function listen(routes: Routes, respond: Respond): void {
  for (const request of Object.keys(routes) as Request[]) listenTo(request, respond);
}

/**
 * One request's listener. `Result<Value<K>>` is `ReturnType<ProtocolMap[K]>` by construction; the
 * compiler cannot see that for a generic `K`, and for the union of every request it gives up once
 * the replies have more than 25 members — so it is said once, here.
 */
function listenTo<K extends Request>(request: K, respond: Respond): void {
  type Reply = ReturnType<ProtocolMap[K]>;
  onMessage(request, (message) => respond(request, message) as Promise<Reply>);
}
