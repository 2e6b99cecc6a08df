import type { Result } from '../app-error';
import type { ProtocolMap } from '../messaging';
import type { SenderInfo } from './sender';

export type Request = keyof ProtocolMap;
export type Data<K extends Request> = Parameters<ProtocolMap[K]>[0];
export type Value<K extends Request> =
  ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/** Full sender facts a handler may need (the tab for content scripts). */
export interface FullSender extends SenderInfo {
  tab?: { id?: number; url?: string; windowId?: number };
  frameId?: number;
}

export type Handler<K extends Request> = (data: Data<K>, sender: FullSender) => Promise<Value<K>>;
export type HandlerMap<K extends Request> = { [P in K]: Handler<P> };

/** Answers one request: the sender check, then the handler, errors as message keys. */
export type Respond = <K extends Request>(
  request: K,
  message: { data: Data<K>; sender: FullSender },
) => Promise<Result<Value<K>>>;
