/**
 * Every permission, host and web-accessible resource the manifests ask for has its reason in store/permissions.md,
 * so a new one cannot ship unexplained; and that page explains nothing the manifests no longer ask for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredManifest, STORE_BROWSERS, type StoreBrowser } from './manifest';

const store = resolve(import.meta.dirname, '../../../store');
const permissionsPage = readFileSync(resolve(store, 'permissions.md'), 'utf8');

/** A justified section: the names in backticks in its heading and its list, and its prose. */
interface Section {
  heading: string;
  names: string[];
  reason: string;
}

function sections(markdown: string): Section[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((text) => {
      const [heading = '', ...body] = text.split('\n');
      const listed = body.filter((line) => line.startsWith('- `'));
      const names = [heading, ...listed].flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
      const reason = body
        .filter((line) => !line.startsWith('- `'))
        .join(' ')
        .trim();
      return { heading, names, reason };
    });
}

/** The origin a match pattern grants access to: `https://desk.zoho.com/agent/*` → `https://desk.zoho.com/*`. */
const originOf = (pattern: string) => pattern.replace(/^(\w+:\/\/[^/]+)\/.*$/, '$1/*');

interface Asked {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  content_scripts?: { matches: string[]; js: string[] }[];
}

/** Everything the browser's manifest asks for that needs a reason: permissions, hosts, and web-accessible files. */
async function askedFor(browser: StoreBrowser): Promise<string[]> {
  const manifest = (await configuredManifest(browser)) as Asked;
  const resources = manifest.web_accessible_resources ?? [];
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...resources.flatMap((entry) => [...entry.resources, ...entry.matches.map(originOf)]),
    // Each of the content script's matches grants its host.
    ...(manifest.content_scripts ?? []).flatMap((entry) => entry.matches.map(originOf)),
  ];
}

describe('store/permissions.md', () => {
  const justified = sections(permissionsPage);

  it("reads the content script's matches", async () => {
    for (const browser of STORE_BROWSERS) {
      const { content_scripts: scripts = [] } = (await configuredManifest(browser)) as Asked;
      expect(scripts.flatMap((entry) => entry.matches).length, browser).toBeGreaterThan(10);
    }
  });

  it('gives each section a reason', () => {
    expect(justified.length).toBeGreaterThan(5);
    for (const section of justified) {
      expect(section.names.length, section.heading).toBeGreaterThan(0);
      expect(section.reason.split(/\s+/).length, `the reason for ${section.heading}`).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(STORE_BROWSERS)('justifies everything the %s manifest asks for', async (browser) => {
    const named = new Set(justified.flatMap((section) => section.names));
    const asked = [...new Set(await askedFor(browser))];
    expect(asked.length).toBeGreaterThan(20);
    expect(asked.filter((name) => !named.has(name))).toEqual([]);
  });

  it('justifies nothing that neither manifest asks for', async () => {
    const asked = new Set((await Promise.all(STORE_BROWSERS.map(askedFor))).flat());
    const stale = justified.flatMap((section) => section.names).filter((name) => !asked.has(name));
    expect(stale).toEqual([]);
  });
});

describe('store/data-use.md', () => {
  it("states Firefox's data collection as the manifest declares it", async () => {
    const gecko = (
      (await configuredManifest('firefox')) as { browser_specific_settings: { gecko: Record<string, unknown> } }
    ).browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const page = readFileSync(resolve(store, 'data-use.md'), 'utf8');
    expect(page).toContain('"data_collection_permissions": { "required": ["none"] }');
  });
});
