/**
 * `npm run zip`: the store packages in one go: Chrome's zip, Firefox's zip, and beside it the sources zip AMO asks
 * for (WXT writes it for Firefox). `npm run zip:firefox` (this script with `firefox`): Firefox's two. The sources zip holds what git tracks: test results, the demo's screenshots and
 * anything else git ignores or does not know stay out, wherever the command runs.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { zip } from 'wxt';

const root = resolve(import.meta.dirname, '..');

/** `git ls-files --others --directory -z` (untracked and ignored paths, a folder as `dir/`) as WXT's exclude globs. */
export function untrackedGlobs(listing: string): string[] {
  return listing
    .split('\0')
    .filter(Boolean)
    .map((path) => (path.endsWith('/') ? `${path}**` : path));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npm run zip`: both; `npm run zip:firefox`: Firefox's and the sources.
  const asked = process.argv.slice(2);
  const browsers = (['chrome', 'firefox'] as const).filter((b) => !asked.length || asked.includes(b));
  const untracked = untrackedGlobs(
    execFileSync('git', ['ls-files', '--others', '--directory', '-z'], { cwd: root, encoding: 'utf8' }),
  );
  const files: string[] = [];
  for (const browser of browsers) files.push(...(await zip({ root, browser, zip: { excludeSources: untracked } })));
  console.log(`\nFor the stores (see store/README.md):\n${files.map((file) => `  ${file}`).join('\n')}`);
}
