/**
 * The client side of the message protocol (content script, popup, options). Kept apart from
 * utils/messaging.ts so the pages do not bundle the service worker's schemas.
 */
import type { Reply, RequestInput, RequestType, Responses } from './messaging';
import { ZohoError } from './zoho/errors';

export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends one request; a refusal or failure throws `ZohoError` with the service worker's message. */
export async function request<K extends RequestType>(
  runtime: MessageSender,
  type: K,
  input: RequestInput<K>,
): Promise<Responses[K]> {
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
  const r = reply as Reply<Responses[K]> | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
    throw new ZohoError({ kind: 'server', message: 'The extension gave no usable answer.' });
  }
  if (!r.ok) throw new ZohoError(r.error);
  return r.value;
}
