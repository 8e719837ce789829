/**
 * Firefox has no host mapping like Chromium's `--host-resolver-rules`: it is pointed at this proxy instead, which
 * tunnels every `CONNECT` to the sandbox on loopback, whatever host was asked for, and refuses plain HTTP. So nothing
 * leaves the machine, and every host Firefox asked for is on record for a test to check.
 */
import { createServer, type Server, Socket } from 'node:net';

export interface SandboxProxy {
  port: number;
  /** Every host Firefox asked to reach (CONNECT) or fetch over plain HTTP, in order. */
  hostsAsked: string[];
  /**
   * Firefox's loopback OAuth redirects asked for (`http://127.0.0.1/mozoauth2/<hash>`, without the query): Firefox
   * 86+ takes that address as `launchWebAuthFlow`'s redirect and catches it, so it is no host to reach. Refused here
   * like any plain HTTP, and kept apart from `hostsAsked`.
   */
  loopbackRedirects: string[];
  close(): Promise<void>;
}

/** Firefox's loopback redirect: `mozoauth2` and the SHA-1 of the add-on id, on loopback port 80. */
const LOOPBACK_REDIRECT = /^http:\/\/127\.0\.0\.1(:80)?\/mozoauth2\/[0-9a-f]{40}(?=$|[/?#])/;

const HEAD_LIMIT = 16 * 1024;

export async function startSandboxProxy(sandboxPort: number): Promise<SandboxProxy> {
  const hostsAsked: string[] = [];
  const loopbackRedirects: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > HEAD_LIMIT) client.destroy();
        return;
      }
      client.off('data', onData);
      const [requestLine = ''] = head.subarray(0, end).toString('latin1').split('\r\n');
      const [method = '', target = ''] = requestLine.split(' ');
      if (method !== 'CONNECT') {
        // Plain HTTP never reaches anything: the host (or Firefox's own redirect) is recorded, the request refused.
        const redirect = LOOPBACK_REDIRECT.exec(target);
        if (redirect) loopbackRedirects.push(redirect[0].replace(/:80\//, '/'));
        else hostsAsked.push(hostOf(target));
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      hostsAsked.push(target.replace(/:\d+$/, ''));
      const upstream = new Socket();
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.connect(sandboxPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    hostsAsked,
    loopbackRedirects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function hostOf(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}

/** Firefox preferences that send every connection through the proxy and keep Firefox's own traffic off. */
export function sandboxFirefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.ping-centre.telemetry': false,
    // Mozilla's own test harness points Remote Settings nowhere the same way.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'browser.region.network.url': '',
    'browser.search.geoSpecificDefaults': false,
    'geo.provider.network.url': '',
    'network.cookie.cookieBehavior': 0,
    // The sandbox's self-signed certificate: pages are accepted through the session's acceptInsecureCerts.
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
  };
}
