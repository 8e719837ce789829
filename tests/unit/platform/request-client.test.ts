import { describe, expect, it } from 'vitest';
import { ExtensionError, serializeError, ZohoError } from '../../../utils/platform/errors';
import { type PortRequest, portSender, REQUEST_PORT, sendRequest } from '../../../utils/platform/request-client';

/** A runtime whose ports the test answers: each port keeps what was posted on it. */
function fakeRuntime() {
  const ports: {
    name: string;
    posted: PortRequest[];
    reply(id: number, reply: unknown): void;
    close(): void;
    broken: boolean;
  }[] = [];
  return {
    ports,
    connect({ name }: { name: string }) {
      const onMessage: ((message: unknown) => void)[] = [];
      const onDisconnect: (() => void)[] = [];
      const port = {
        name,
        posted: [] as PortRequest[],
        broken: false,
        reply: (id: number, reply: unknown) => {
          for (const listener of onMessage) listener({ id, reply });
        },
        close: () => {
          for (const listener of onDisconnect) listener();
        },
      };
      ports.push(port);
      return {
        postMessage(message: unknown) {
          if (port.broken) throw new Error('Attempting to use a disconnected port object');
          port.posted.push(message as PortRequest);
        },
        onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
        onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
      };
    },
  };
}

describe('portSender', () => {
  it('sends every request on one port and gives each its own reply, in whatever order they come', async () => {
    const runtime = fakeRuntime();
    const sender = portSender(runtime);
    const first = sender.sendMessage({ type: 'getStatus' });
    const second = sender.sendMessage({ type: 'getUserBadges' });
    expect(runtime.ports.map((p) => p.name)).toEqual([REQUEST_PORT]);
    const [a, b] = runtime.ports[0]!.posted;
    expect(a?.message).toEqual({ type: 'getStatus' });
    runtime.ports[0]!.reply(b!.id, 'badges');
    runtime.ports[0]!.reply(a!.id, 'status');
    expect(await Promise.all([first, second])).toEqual(['status', 'badges']);
  });

  it('fails the requests a closed port leaves waiting, and opens a new one for the next', async () => {
    const runtime = fakeRuntime();
    const sender = portSender(runtime);
    const waiting = sender.sendMessage({ type: 'removeBadges' });
    runtime.ports[0]!.close();
    await expect(waiting).rejects.toThrow();
    const next = sender.sendMessage({ type: 'getStatus' });
    expect(runtime.ports).toHaveLength(2);
    runtime.ports[1]!.reply(runtime.ports[1]!.posted[0]!.id, 'status');
    expect(await next).toBe('status');
  });

  it('sends on a new port when the open one turns out closed before it said so: nothing was sent on it', async () => {
    const runtime = fakeRuntime();
    const sender = portSender(runtime);
    const first = sender.sendMessage({ type: 'getStatus' });
    runtime.ports[0]!.reply(runtime.ports[0]!.posted[0]!.id, 'one');
    await first;
    runtime.ports[0]!.broken = true;
    const second = sender.sendMessage({ type: 'getStatus' });
    expect(runtime.ports).toHaveLength(2);
    runtime.ports[1]!.reply(runtime.ports[1]!.posted[0]!.id, 'two');
    expect(await second).toBe('two');
  });
});

describe('sendRequest', () => {
  it("throws the extension's own error when its worker gives no usable answer, and Zoho's when the worker says Zoho failed", async () => {
    const silent = { sendMessage: () => Promise.reject(new Error('Could not establish connection')) };
    const unanswered = await sendRequest(silent, 'getStatus', {}).catch((e: unknown) => e);
    expect(unanswered).toBeInstanceOf(ExtensionError);
    expect(unanswered).not.toBeInstanceOf(ZohoError);
    expect(serializeError(unanswered)).toMatchObject({ kind: 'server', message: 'The extension did not answer.' });
    const garbled = await sendRequest({ sendMessage: async () => 'nonsense' }, 'getStatus', {}).catch((e) => e);
    expect(garbled).toBeInstanceOf(ExtensionError);
    const refused = {
      sendMessage: async () => ({ ok: false, error: { kind: 'rate-limited', message: 'Slow down.' } }),
    };
    const zoho = await sendRequest(refused, 'getStatus', {}).catch((e: unknown) => e);
    expect(zoho).toBeInstanceOf(ZohoError);
    expect(serializeError(zoho)).toEqual({ kind: 'rate-limited', message: 'Slow down.' });
  });
});
