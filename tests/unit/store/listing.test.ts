/** store/listing.md: the texts to paste, each the manifest's where the store reads it from there, within limits. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredManifest, inEnglish } from './manifest';

const listing = readFileSync(resolve(import.meta.dirname, '../../../store/listing.md'), 'utf8');

/** The text block under a `## heading`. */
function field(heading: string): string {
  const section = listing.split(/^## /m).find((text) => text.startsWith(`${heading}\n`));
  const block = section && /```text\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error(`No text block under "## ${heading}"`);
  return block[1]!;
}

describe('store/listing.md', () => {
  it("has the manifest's name, short enough for both stores", async () => {
    const manifest = await configuredManifest('chrome');
    expect(field('Name')).toBe(inEnglish(manifest.name));
    expect(field('Name').length).toBeLessThanOrEqual(50);
  });

  it("gives Chrome the manifest's description, within 132 characters", async () => {
    const manifest = await configuredManifest('chrome');
    expect(field('Short description: Chrome Web Store')).toBe(inEnglish(manifest.description));
    expect(field('Short description: Chrome Web Store').length).toBeLessThanOrEqual(132);
  });

  it('keeps the other texts within their limits', () => {
    expect(field('Short description: AMO').length).toBeLessThanOrEqual(250);
    expect(field('Long description').length).toBeLessThanOrEqual(16_000);
    expect(field('Long description').length).toBeGreaterThan(1_000);
    expect(field('Single purpose').length).toBeLessThanOrEqual(1_000);
    expect(field('Single purpose')).toMatch(/badges/);
  });
});
