/**
 * One version: package.json's. WXT writes it into each browser's manifest when the manifest sets none (and when it
 * is a plain X.Y.Z, as it is, without changing it), and the CHANGELOG's newest release is that version.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredManifest, inEnglish, STORE_BROWSERS } from './manifest';

const root = resolve(import.meta.dirname, '../../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** The newest released entry of a Keep a Changelog file: `## [1.2.3] - 2026-12-04` (Unreleased skipped). */
function newestRelease(changelog: string): { version: string; date: string } | undefined {
  const match = /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/m.exec(changelog);
  return match ? { version: match[1]!, date: match[2]! } : undefined;
}

describe('the version', () => {
  it('is a version both browsers take as it is', () => {
    expect(version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  it.each(STORE_BROWSERS)('reaches the %s manifest from package.json', async (browser) => {
    const manifest = await configuredManifest(browser);
    expect(inEnglish(manifest.name)).toBe('Badge Remover for Zoho Desk');
    // A version set here would win over package.json's.
    expect(manifest).not.toHaveProperty('version');
    expect(manifest).not.toHaveProperty('version_name');
  });

  it("is the CHANGELOG's newest release", () => {
    const changelog = readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n/);
    expect(changelog).toContain('## [Unreleased]');
    expect(newestRelease(changelog)).toEqual({ version, date: expect.stringMatching(/^20\d\d-/) });
  });

  it('reads the newest release, not an older one or Unreleased', () => {
    const text = '# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n## [1.0.0] - 2026-12-04\n';
    expect(newestRelease(text)).toEqual({ version: '1.1.0', date: '2027-01-02' });
    expect(newestRelease('# Changelog\n\n## [Unreleased]\n')).toBeUndefined();
  });
});
