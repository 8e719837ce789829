import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Only for `npm run bench`: simulations that print figures, never part of `npm test`.
export default defineConfig({
  plugins: [WxtVitest()],
  // The unit tests' setup: the fake browser's storage as Chrome's, and English messages.
  test: { include: ['bench/**/*.sim.ts'], root: '.', setupFiles: ['tests/unit/setup.ts'] },
});
