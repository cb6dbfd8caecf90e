import { defineConfig } from 'vitest/config';

// `npm run bench:load`: load figures through the platform fakes; not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/load/**/*.load.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-model.ts'],
    testTimeout: 120_000,
  },
});
