/** The proxy Firefox is pointed at: plain HTTP never goes anywhere, and Firefox's loopback redirect is told apart. */
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { type SandboxProxy, startSandboxProxy } from '../../sandbox/firefox-proxy';
import { FIREFOX_LOOPBACK_REDIRECT_URI } from '../../sandbox/state';

let proxy: SandboxProxy;
afterEach(() => proxy.close());

/** One plain HTTP request through the proxy, as Firefox sends it (absolute URL); the reply's status line. */
function ask(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1', () => {
      socket.write(`GET ${url} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`);
    });
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(reply.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

it("refuses plain HTTP, recording Firefox's loopback OAuth redirect apart from the hosts asked for", async () => {
  // The sandbox's port is never reached by plain HTTP.
  proxy = await startSandboxProxy(1);
  expect(await ask(`${FIREFOX_LOOPBACK_REDIRECT_URI}?code=1000.abc&state=s`)).toBe('HTTP/1.1 403 Forbidden');
  expect(await ask('http://127.0.0.1/mozoauth2/not-a-hash')).toBe('HTTP/1.1 403 Forbidden');
  expect(await ask('http://example.com/')).toBe('HTTP/1.1 403 Forbidden');
  // The code in the query is not kept.
  expect(proxy.loopbackRedirects).toEqual([FIREFOX_LOOPBACK_REDIRECT_URI]);
  expect(proxy.hostsAsked).toEqual(['127.0.0.1', 'example.com']);
});
