import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Chromium through Playwright; Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (tests/firefox).
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'firefox', testDir: 'tests/firefox' },
    // A real organization policy, in Chromium's machine-wide policy directory, for a copy of the extension under an id
    // of its own: its own project, so no other test runs beside it.
    { name: 'policy', testDir: 'tests/policy' },
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
