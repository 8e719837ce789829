import { describe, expect, it } from 'vitest';
import {
  chromiumCommand,
  exposureWarning,
  isBrowserServiceRequest,
  sandboxChromiumFlags,
} from '../../sandbox/browser-setup';

const sandbox = { port: 8443, spki: 'c3BraQ==', hostNames: ['desk.zoho.com', 'accounts.zoho.com'] };

describe('pointing Chromium at the sandbox', () => {
  it('maps every Zoho host and the catch-all to loopback, and turns background traffic off', () => {
    const flags = sandboxChromiumFlags(sandbox);
    expect(flags).toContain(
      '--host-resolver-rules=MAP desk.zoho.com 127.0.0.1:8443,MAP accounts.zoho.com 127.0.0.1:8443,MAP * 127.0.0.1:8443',
    );
    expect(flags).toContain('--ignore-certificate-errors-spki-list=c3BraQ==');
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(flags).toContain(flag);
    }
  });

  it('prints the same flags in the command `npm run sandbox` shows', () => {
    const command = chromiumCommand(sandbox, 'ext', 'https://desk.zoho.com/agent/');
    expect(command).toContain('--host-resolver-rules="MAP desk.zoho.com 127.0.0.1:8443,');
    expect(command).toContain('MAP * 127.0.0.1:8443"');
    expect(command).toContain('--disable-background-networking');
    expect(command).toContain('--disable-component-update');
    expect(command).toContain('--load-extension="ext"');
  });

  it('warns that the control API has no authentication when the sandbox listens beyond loopback', () => {
    expect(exposureWarning('127.0.0.1')).toBeUndefined();
    expect(exposureWarning('localhost')).toBeUndefined();
    expect(exposureWarning('0.0.0.0')).toMatch(/control API .* has no authentication/);
    expect(exposureWarning('192.168.1.5')).toMatch(/no authentication/);
  });
});

describe('isBrowserServiceRequest', () => {
  const at = (host: string, path = '/') => isBrowserServiceRequest({ host, path });
  it("knows the browser's own calls and the OAuth redirect host, and nothing else", () => {
    expect(at('update.googleapis.com')).toBe(true);
    expect(at('android.clients.google.com', '/checkin')).toBe(true);
    expect(at('cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org')).toBe(true);
    expect(at('www.google.com', '/async/folae')).toBe(true);
    expect(at('www.google.com', '/search?q=desk')).toBe(false);
    expect(at('www.google.com', '/async/folaemore')).toBe(false);
    expect(at('evil.chromiumapp.org')).toBe(false);
    expect(at('2d7c577a46873c06e81a635e45585f7715321f4a.extensions.allizom.org')).toBe(true);
    expect(at('0000000000000000000000000000000000000000.extensions.allizom.org')).toBe(false);
    expect(at('tracker.example')).toBe(false);
    expect(at('desk.zoho.com')).toBe(false);
  });
});
