import { useMemo } from 'react';
import { api, type Unit } from '../api';
import { useApi } from './useApi';

export interface UnitsLookup {
  units: Unit[];
  loading: boolean;
  name: (id: string | null | undefined) => string;
  reload: () => void;
}

export function useUnits(): UnitsLookup {
  const { data, loading, reload } = useApi(() => api.units.list(), []);
  return useMemo(() => {
    const units = data ?? [];
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    return {
      units,
      loading,
      reload,
      name: (id) => (id ? byId.get(id)?.name ?? 'Ukjent enhet' : '–'),
    };
  }, [data, loading, reload]);
}

/** Units in tree order (parents before children) for pickers. */
export function treeOrder(units: Unit[]): Unit[] {
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const key = unit.parentId && units.some((u) => u.id === unit.parentId) ? unit.parentId : null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ordered: Unit[] = [];
  const visit = (parent: string | null) => {
    for (const unit of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nb'))) {
      ordered.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return ordered;
}
