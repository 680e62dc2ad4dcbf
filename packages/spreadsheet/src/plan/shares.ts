import type { SharedGainCell } from './planRow';

/**
 * The «Delt med» cell: the gains this benefit shares with benefits of other projects (the PlanBenefit
 * command's `sharedWith`), one entry per other benefit, entries separated by `;`. An entry is the
 * other benefit's id, then this benefit's share and the other's in per cent, with a slash between:
 * `3f2b…-9c1d 40/60` (this benefit 40 %, the other 60 %). A `%` after a share, a colon after the id
 * and a decimal comma are accepted when read (`3f2b…-9c1d: 12,5 % / 50 %`).
 */
export const SHARES_SEPARATOR = '; ';

const formatPercent = (n: number): string => String(n).replace('.', ',');

export const formatShares = (shares: readonly SharedGainCell[]): string | null =>
  shares.length === 0 ? null : shares.map((s) => `${s.benefitId} ${formatPercent(s.sharePercent)}/${formatPercent(s.otherSharePercent)}`).join(SHARES_SEPARATOR);

const NUMBER = String.raw`\d+(?:[.,]\d+)?(?:e[-+]?\d+)?`;
const ENTRY = new RegExp(String.raw`^(.*?\S)(?:\s*:\s*|\s+)(${NUMBER})\s*%?\s*\/\s*(${NUMBER})\s*%?$`, 'iu');

export type SharesRead = { ok: true; value: SharedGainCell[] } | { ok: false; reason: string };

/** Reads a «Delt med» cell; an empty cell shares nothing. The domain checks the shares (0–100, at most 100 together). */
export function parseShares(text: string): SharesRead {
  const value: SharedGainCell[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
    if (entry === '') continue;
    const m = ENTRY.exec(entry);
    if (!m) {
      return {
        ok: false,
        reason: `«${entry}» er ikke en andel: skriv den andre gevinstens id, denne gevinstens andel og den andres andel i prosent, f.eks. «<gevinst-id> 40/60»; skill flere med semikolon`,
      };
    }
    const [, benefitId, share, otherShare] = m as unknown as [string, string, string, string];
    const id = benefitId;
    if (value.some((v) => v.benefitId === id)) return { ok: false, reason: `Gevinsten ${id} står to ganger i «Delt med»` };
    value.push({ benefitId: id, sharePercent: Number(share.replace(',', '.')), otherSharePercent: Number(otherShare.replace(',', '.')) });
  }
  return { ok: true, value };
}
