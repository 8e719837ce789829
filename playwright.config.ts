import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Chromium through Playwright; Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (tests/firefox).
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'firefox', testDir: 'tests/firefox' },
  ],
  // Each test launches its own Chromium; two cores do not gain from parallel browsers.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
