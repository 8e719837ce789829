/**
 * The browsers the demo and the tests drive: Debian's `chromium` and `firefox-esr`. Found where they are; on
 * Debian as root, installed with apt (as `.ci/run` does); otherwise the exact command is printed and we stop.
 * `tsx scripts/browsers.ts chromium firefox` ensures both from the command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

interface BrowserSpec {
  /** Environment variable that points at a browser of one's own. */
  env: string;
  path: string;
  /** Debian's package. */
  aptPackage: string;
  label: string;
}

const SPECS: Record<BrowserName, BrowserSpec> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', aptPackage: 'chromium', label: 'Chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', aptPackage: 'firefox-esr', label: 'Firefox ESR' },
};

/** What ensureBrowsers reads of the machine and runs on it (injected in tests). */
export interface MachineDeps {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot: boolean;
  /** Runs a command, answering its exit status. */
  run(command: string, args: readonly string[]): number | null;
  log(line: string): void;
}

const thisMachine = (): MachineDeps => ({
  env: process.env,
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
  run: (command, args) =>
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status,
  log: console.log,
});

/** The browser's executable, if there is one: the environment variable's, else Debian's. */
export function findBrowser(name: BrowserName, machine: Pick<MachineDeps, 'env' | 'exists'> = thisMachine()) {
  const spec = SPECS[name];
  for (const path of [machine.env[spec.env], spec.path]) if (path && machine.exists(path)) return path;
  return undefined;
}

export class MissingBrowserError extends Error {}

function aptCommand(packages: string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Every named browser's executable. Missing ones are installed with apt when this runs as root on Debian; else
 * a MissingBrowserError says what to run (or which variable to set).
 */
export function ensureBrowsers(names: BrowserName[], machine: MachineDeps = thisMachine()): string[] {
  const missing = names.filter((n) => !findBrowser(n, machine));
  if (missing.length) {
    const packages = missing.map((n) => SPECS[n].aptPackage);
    const labels = missing.map((n) => SPECS[n].label).join(' and ');
    const debian = machine.exists('/etc/debian_version') && machine.exists('/usr/bin/apt-get');
    if (debian && machine.isRoot) {
      machine.log(`${labels} not found: installing Debian's ${packages.join(' and ')} with apt…`);
      const steps = [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]],
      ] as const;
      for (const [command, args] of steps) {
        const status = machine.run(command, args);
        if (status !== 0) throw new MissingBrowserError(`${command} ${args.join(' ')} failed (${status}).`);
      }
    } else {
      const how = debian
        ? `Install it with:\n  ${aptCommand(packages, machine.isRoot)}`
        : "Install it with your system's package manager,";
      const vars = missing.map((n) => SPECS[n].env).join(' / ');
      throw new MissingBrowserError(`${labels} not found. ${how}\nor point ${vars} at an installed one.`);
    }
  }
  return names.map((n) => {
    const path = findBrowser(n, machine);
    if (!path) throw new MissingBrowserError(`${SPECS[n].label} is still not found after installing it.`);
    return path;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2) as BrowserName[];
  const unknown = names.filter((n) => !(n in SPECS));
  if (unknown.length || !names.length) {
    console.error(`Usage: tsx scripts/browsers.ts ${Object.keys(SPECS).join(' ')}`);
    process.exit(2);
  }
  try {
    for (const path of ensureBrowsers(names)) console.log(`Browser: ${path}`);
  } catch (error) {
    console.error(error instanceof MissingBrowserError ? error.message : error);
    process.exit(1);
  }
}
