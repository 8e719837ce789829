/**
 * The pages' side of the message protocol: a client typed from the request table, so a page calls
 * `client.removeBadges(...)` with the table's own types. Only types come from the table, so the pages
 * do not bundle the service worker's schemas.
 */
import type * as z from 'zod/mini';
import type { Reply, RequestTable } from './dispatch';
import { ZohoError } from './errors';

export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends one request; a refusal or failure throws `ZohoError` with the service worker's message. */
export async function sendRequest<T>(runtime: MessageSender, type: string, input: unknown): Promise<T> {
  let reply: unknown;
  try {
    reply = await runtime.sendMessage({ type, input });
  } catch (cause) {
    throw new ZohoError(
      {
        kind: 'server',
        message: 'The extension did not answer.',
        action: 'Reload this page. If the extension was just updated, that reconnects it.',
      },
      { cause },
    );
  }
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
    throw new ZohoError({ kind: 'server', message: 'The extension gave no usable answer.' });
  }
  if (!r.ok) throw new ZohoError(r.error);
  return r.value;
}

/** One method per request; a request without fields takes no argument. */
export type RequestClient<T extends RequestTable> = {
  [K in keyof T]: Record<string, never> extends z.input<T[K]['input']>
    ? (input?: z.input<T[K]['input']>) => Promise<T[K]['reply']>
    : (input: z.input<T[K]['input']>) => Promise<T[K]['reply']>;
};

export function requestClient<T extends RequestTable>(runtime: MessageSender): RequestClient<T> {
  return new Proxy({} as RequestClient<T>, {
    // `then` stays undefined so the client is never taken for a promise.
    get: (_, type) =>
      typeof type === 'string' && type !== 'then'
        ? (input: unknown = {}) => sendRequest(runtime, type, input)
        : undefined,
  });
}
