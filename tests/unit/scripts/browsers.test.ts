import { describe, expect, it } from 'vitest';
import { ensureBrowsers, type MachineDeps, MissingBrowserError } from '../../../scripts/browsers';

function machine(files: string[], over: Partial<MachineDeps> = {}) {
  const present = new Set(files);
  const ran: string[] = [];
  const deps: MachineDeps = {
    env: {},
    exists: (path) => present.has(path),
    isRoot: false,
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (args.includes('install'))
        for (const p of args.slice(3)) present.add(p === 'chromium' ? '/usr/bin/chromium' : '/usr/bin/firefox-esr');
      return 0;
    },
    log: () => {},
    ...over,
  };
  return { deps, ran };
}

const DEBIAN = ['/etc/debian_version', '/usr/bin/apt-get'];

describe('ensureBrowsers', () => {
  it('finds what is there and runs nothing', () => {
    const { deps, ran } = machine([...DEBIAN, '/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(ensureBrowsers(['chromium', 'firefox'], deps)).toEqual(['/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(ran).toEqual([]);
  });

  it('prefers the browser the environment points at', () => {
    const { deps } = machine(['/opt/chromium/chrome'], { env: { CHROMIUM_PATH: '/opt/chromium/chrome' } });
    expect(ensureBrowsers(['chromium'], deps)).toEqual(['/opt/chromium/chrome']);
  });

  it('as root on Debian, installs only what is missing with apt', () => {
    const { deps, ran } = machine([...DEBIAN, '/usr/bin/chromium'], { isRoot: true });
    expect(ensureBrowsers(['chromium', 'firefox'], deps)).toEqual(['/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends firefox-esr']);
  });

  it('otherwise stops with the exact command to run, running nothing', () => {
    const { deps, ran } = machine(DEBIAN);
    expect(() => ensureBrowsers(['chromium', 'firefox'], deps)).toThrowError(
      new MissingBrowserError(
        'Chromium and Firefox ESR not found. Install it with:\n' +
          '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium firefox-esr\n' +
          'or point CHROMIUM_PATH / FIREFOX_PATH at an installed one.',
      ),
    );
    expect(ran).toEqual([]);
  });

  it('says so when apt fails', () => {
    const { deps } = machine(DEBIAN, { isRoot: true, run: (_c, args) => (args.includes('install') ? 100 : 0) });
    expect(() => ensureBrowsers(['firefox'], deps)).toThrowError(/apt-get install .* failed \(100\)/);
  });
});
