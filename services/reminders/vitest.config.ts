import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@gevinst/reminders',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // the Redis/SMTP tests start their own servers; running files one after another keeps the 2 cores calm
    fileParallelism: false,
  },
});
