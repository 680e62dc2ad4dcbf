import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTable } from '../../src';

describe('docs/access.md', () => {
  it('shows the policy as it is in the code', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'access.md'), 'utf8');
    expect(doc).toContain(policyTable());
  });
});
