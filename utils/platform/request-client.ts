/**
 * The pages' side of the message protocol: a client typed from the request table, so a page calls
 * `client.removeBadges(...)` with the table's own types. Only types come from the table, so the pages
 * do not bundle the service worker's schemas.
 */
import type * as z from 'zod/mini';
import type { Reply, RequestTable } from './dispatch';
import { ExtensionError, ZohoError } from './errors';
import { t } from './i18n';

export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The port an extension page sends its requests over (`portSender`); the service worker answers on it. */
export const REQUEST_PORT = 'requests';

/** A request on the port, and its reply: numbered, so each reply finds its request. */
export interface PortRequest {
  id: number;
  message: unknown;
}
export interface PortReply {
  id: number;
  reply: unknown;
}

interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Requests over one port to the service worker, kept open: a runtime message opens a channel for each request and
 * closes it after the reply (about 2 ms a request in Chromium), where a message on an open port costs about 0.5 ms.
 * The panel sends this way, so a removal's report comes sooner. When the worker stops, the port closes: requests
 * waiting on it fail as a message to a stopped worker does, and the next request opens a new port (which starts it).
 */
export function portSender(runtime: { connect(info: { name: string }): PortLike }): MessageSender {
  let port: PortLike | null = null;
  let lastId = 0;
  const waiting = new Map<number, { done: (reply: unknown) => void; fail: (error: unknown) => void }>();
  const open = () => {
    if (port) return port;
    const opened = runtime.connect({ name: REQUEST_PORT });
    opened.onMessage.addListener((message) => {
      const { id, reply } = (message ?? {}) as Partial<PortReply>;
      const request = id === undefined ? undefined : waiting.get(id);
      if (!request) return;
      waiting.delete(id!);
      request.done(reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      for (const request of waiting.values()) request.fail(new Error('The service worker closed the port.'));
      waiting.clear();
    });
    port = opened;
    return opened;
  };
  return {
    sendMessage(message) {
      return new Promise((done, fail) => {
        const id = ++lastId;
        waiting.set(id, { done, fail });
        const post = () => open().postMessage({ id, message } satisfies PortRequest);
        try {
          post();
        } catch {
          // The port closed before its disconnect was told: nothing was sent, so once more on a new one.
          port = null;
          try {
            post();
          } catch (error) {
            waiting.delete(id);
            fail(error);
          }
        }
      });
    },
  };
}

/**
 * Sends one request; a refusal or failure throws `ZohoError` with the service worker's message, and no usable answer
 * an `ExtensionError`.
 */
export async function sendRequest<T>(runtime: MessageSender, type: string, input: unknown): Promise<T> {
  let reply: unknown;
  try {
    reply = await runtime.sendMessage({ type, input });
  } catch (cause) {
    throw new ExtensionError(
      {
        kind: 'server',
        message: t('worker_error_no_answer'),
        action: t('worker_error_no_answer_action'),
      },
      { cause },
    );
  }
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
    throw new ExtensionError({ kind: 'server', message: t('worker_error_unusable_answer') });
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
