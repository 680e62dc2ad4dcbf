import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@gevinst/web',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
