import { defineConfig } from 'wxt';
import { shipLocales } from './scripts/shipped-messages';
import { usedTokensOnly } from './scripts/used-tokens';
import { DESK_PAGE_SCRIPT, PANEL_OPENER_SCRIPT, PANEL_PAGE } from './utils/platform/extension-pages';
import {
  allZohoHostNames,
  deskOriginMatches,
  deskWebAppMatches,
  deskWebOriginPatterns,
  hostPermissions,
  ZOHO_STATIC_DOMAINS,
} from './utils/platform/zoho/datacenters';

// Public half of the signing key: pins the extension id (and so the OAuth redirect URI
// https://cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org/). The private key is never committed.
const PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnfCSxhv3VW44k6knjd70Rg6vfl1E7msdNmrX2tEP7NU39jfOOm+rDjpO8Qbrnw8yDgscc/xBsAt8rDk4taDC9MgJ2HDGYYqVyMf4txT0MlbOQrJZNIrateT5FrlV37aO0dcgKkFcV1n26gMPPW0MvndATHtrD6kTN4W4rYWLQZAp2RkCIiQk+Ik7O0OSrKBJRNQiXgYqvp8tMVHGKRgoqKc5WOmYMDRwN/P4PfdzaAey7BLFzNLRvzgX2EkNFvM+vMXNuI3fyUGZ7zDYE/PnPI7+aGFROwYIawJJTfrmXJhcF5vBvCJsIFtYd5X5jQNKvVd2dtF3y7NNHvsKVyQ7PwIDAQAB';

/**
 * Firefox's add-on id: fixed, so the OAuth redirect URI Firefox gives (`https://<sha1 of the id>.extensions.allizom.org/`)
 * is the same on every install, and can be registered once in Zoho's API console.
 */
/** The JSON Schema of the organization's policy (public/, shipped at the package's root). */
export const MANAGED_SCHEMA = 'managed-schema.json';

export const GECKO_ID = 'badge-remover-for-zoho-desk@badgeremover.app';

const zohoOrigins = allZohoHostNames()
  .map((host) => `https://${host}`)
  .join(' ');

/**
 * The extension pages' own CSP: scripts and styles from the extension only, images from the extension and
 * Zoho's hosts (a badge icon elsewhere could track the admin), connections to Zoho only. Framed only by Zoho
 * Desk pages: the removal panel opens in a frame there (and it is the only page web-accessible to them).
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `img-src 'self' data: ${zohoOrigins} ${ZOHO_STATIC_DOMAINS.map((domain) => `https://*.${domain}`).join(' ')}`,
  `connect-src 'self' ${zohoOrigins}`,
  `frame-ancestors ${deskWebOriginPatterns().join(' ')}`,
].join('; ');

export default defineConfig({
  // Explicit imports everywhere: every file says where its names come from.
  imports: false,
  // The Desk page's control carries only the theme tokens its stylesheet reads.
  vite: () => ({ plugins: [usedTokensOnly(/components\/control-(button|panel)\.css$/)] }),
  // The package ships each locale's messages without what was written for translators.
  hooks: { 'build:publicAssets': (_wxt, files) => shipLocales(files) },
  // Firefox too (WXT's default there is MV2): an event page instead of a service worker, the same code.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // public/_locales/<lang>/messages.json; the browser shows its language's, else English.
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    default_locale: 'en',
    permissions: ['alarms', 'identity', 'storage'],
    host_permissions: hostPermissions(),
    // Asked only when the admin adds the organization's own Desk address, for that one origin (never at install).
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*'],
    // The Desk page control, on Zoho's Desk hosts (the organization's own addresses are registered when added).
    content_scripts: [{ matches: deskWebAppMatches(), js: [DESK_PAGE_SCRIPT], run_at: 'document_idle' }],
    // The Desk page control opens the removal panel, an extension page, in a frame; the content script imports the
    // panel opener where it puts the button in.
    web_accessible_resources: [{ resources: [PANEL_PAGE.slice(1), PANEL_OPENER_SCRIPT], matches: deskOriginMatches() }],
    // The organization's policy (README, "For IT"): Chrome checks it against this schema. Firefox reads policies.json
    // `3rdparty` without one, and its manifest has no such key.
    ...(browser === 'chrome' ? { key: PUBLIC_KEY, storage: { managed_schema: MANAGED_SCHEMA } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: the first ESR with data_collection_permissions (and MV3 event pages, origin controls).
              strict_min_version: '140.0',
              // Mozilla's definitions: the admin's Zoho data goes to Zoho only, at the admin's request, and
              // nothing goes to us, so nothing is collected or transmitted in their sense (README, "Firefox").
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
  }),
});
