import { normalise } from '../plan/labels';
import type { UnitRef } from './unitRef';

export interface UnitCandidate {
  unitId: string;
  name: string;
  /** `Sandnes kommune / Oppvekst / Skole` */
  path: string;
  orgNumber: string | null;
}

export type UnitMatch =
  | { kind: 'unit'; unitId: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'ambiguous'; candidates: UnitCandidate[] };

const PATH_SEPARATOR = /\s*[/>›]\s*/;

/** Finds units by what people write in a sheet: name, path, organisasjonsnummer or id. */
export class UnitDirectory {
  private readonly byId = new Map<string, UnitRef>();

  constructor(readonly units: readonly UnitRef[]) {
    for (const unit of units) this.byId.set(unit.id, unit);
  }

  path(unitId: string): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let unit = this.byId.get(unitId); unit && !seen.has(unit.id); unit = unit.parentId ? this.byId.get(unit.parentId) : undefined) {
      seen.add(unit.id);
      names.unshift(unit.name);
    }
    return names;
  }

  candidate(unit: UnitRef): UnitCandidate {
    return { unitId: unit.id, name: unit.name, path: this.path(unit.id).join(' / '), orgNumber: unit.orgNumber };
  }

  match(text: string): UnitMatch {
    const raw = text.trim();
    const shown = `«${raw}»`;
    const byId = this.byId.get(raw);
    if (byId) return this.pick([byId], shown);
    const digits = raw.replace(/[\s\u00a0]/g, '');
    if (/^\d{9}$/.test(digits)) {
      const found = this.units.filter((u) => u.orgNumber === digits);
      if (found.length === 0) return { kind: 'unknown', reason: `Fant ingen enhet med organisasjonsnummer ${digits}` };
      return this.pick(found, shown);
    }
    const segments = raw.split(PATH_SEPARATOR).map(normalise).filter(Boolean);
    if (segments.length > 1) {
      const found = this.units.filter((u) => endsWith(this.path(u.id).map(normalise), segments));
      if (found.length > 0) return this.pick(found, shown);
    }
    const wanted = normalise(raw);
    const found = this.units.filter((u) => normalise(u.name) === wanted);
    if (found.length > 0) return this.pick(found, shown);
    const similar = this.units
      .filter((u) => u.active && (normalise(u.name).includes(wanted) || wanted.includes(normalise(u.name))))
      .slice(0, 5)
      .map((u) => `«${this.path(u.id).join(' / ')}»`);
    return {
      kind: 'unknown',
      reason: `Ukjent enhet ${shown}` + (similar.length ? `. Mente du ${similar.join(', ')}?` : ': skriv enhetens navn slik det står i Gevinst, eller organisasjonsnummeret'),
    };
  }

  private pick(found: UnitRef[], shown: string): UnitMatch {
    const active = found.filter((u) => u.active);
    const [only] = active;
    if (only && active.length === 1) return { kind: 'unit', unitId: only.id };
    if (active.length > 1) return { kind: 'ambiguous', candidates: active.map((u) => this.candidate(u)) };
    const successors = [...new Set(found.map((u) => this.successorOf(u.id)).filter((id): id is string => id !== null))];
    const named = successors.map((id) => `«${this.path(id).join(' / ')}»`).join(' eller ');
    return {
      kind: 'unknown',
      reason: named
        ? `Enheten ${shown} er slått sammen med ${named}: skriv den enheten i stedet`
        : `Enheten ${shown} er ikke lenger aktiv: velg en aktiv enhet`,
    };
  }

  /** The active unit a merged unit's history went to, following merges of merges. */
  successorOf(unitId: string): string | null {
    const seen = new Set<string>();
    let unit = this.byId.get(unitId);
    while (unit && !unit.active && unit.mergedInto && !seen.has(unit.id)) {
      seen.add(unit.id);
      unit = this.byId.get(unit.mergedInto);
    }
    return unit && unit.active ? unit.id : null;
  }

  /** The shortest text that `match` finds this unit by again: its name, its path, or its orgnr. */
  label(unitId: string): string {
    const unit = this.byId.get(unitId);
    if (!unit) return unitId;
    const path = this.path(unitId);
    // a merged unit is named as it was (the import then points to its successor)
    if (!unit.active) return this.units.filter((u) => u.name === unit.name).length === 1 ? unit.name : path.join(' / ');
    for (let take = 1; take <= path.length; take++) {
      const text = path.slice(-take).join(' / ');
      const m = this.match(text);
      if (m.kind === 'unit' && m.unitId === unitId) return text;
    }
    if (unit.orgNumber) {
      const m = this.match(unit.orgNumber);
      if (m.kind === 'unit' && m.unitId === unitId) return unit.orgNumber;
    }
    return unitId;
  }
}

function endsWith(path: string[], segments: string[]): boolean {
  if (segments.length > path.length) return false;
  const offset = path.length - segments.length;
  return segments.every((s, i) => path[offset + i] === s);
}
