import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@gevinst/domain',
    // the property tests run hundreds of generated histories; a busy host must not fail them on time
    testTimeout: 60_000,
  },
});
