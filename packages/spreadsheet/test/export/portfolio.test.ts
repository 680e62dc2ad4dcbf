import { describe, expect, it } from 'vitest';
import { portfolioTable, UnitNames } from '../../src/export/views';
import { UnitDirectory } from '../../src/units/unitDirectory';
import type { PortfolioAnswer } from '../../src/export/shapes';

const names = new UnitNames(new UnitDirectory([{ id: 'u-helse', name: 'Helse', parentId: null, orgNumber: null, active: true }]));

describe('portfolio export', () => {
  it('a period not yet due says «ikke forfalt», not a status; judged and unplanned periods as before', () => {
    const answer: PortfolioAnswer = {
      periods: ['2026-T2', '2026-T3'],
      rows: [
        {
          unitId: 'u-helse',
          cells: [
            { period: '2026-T2', status: 'red', pending: false, plannedOre: 261_000_00, realisedOre: 0, achievementPct: null, changePct: null },
            { period: '2026-T3', status: null, pending: true, plannedOre: 261_000_00, realisedOre: 0, achievementPct: null, changePct: null },
          ],
        },
        { unitId: 'u-helse', cells: [{ period: '2026-T2', status: null, pending: false, plannedOre: 0, realisedOre: 0, achievementPct: null, changePct: null }] },
      ],
    };
    const table = portfolioTable(answer, names);
    const status = table.columns.findIndex((c) => c.header === 'Status');
    expect([...(table.rows as Iterable<unknown[]>)].map((r) => [r[1], r[status]])).toEqual([
      ['2026-T2', 'uakseptabelt'],
      ['2026-T3', 'ikke forfalt'],
      ['2026-T2', 'ikke vurdert'],
    ]);
  });
});
