import type { Unit } from '../api';
import { treeOrder } from '../hooks/useUnits';
import { SelectField } from './Form';

export function unitOptions(units: Unit[], { activeOnly = true } = {}) {
  return treeOrder(units)
    .filter((unit) => !activeOnly || unit.active)
    .map((unit) => ({ value: unit.id, label: `${'\u2003'.repeat(unit.depth)}${unit.name}${unit.active ? '' : ' (nedlagt)'}` }));
}

export function UnitSelect({ name, label, units, required, hint, defaultValue, placeholder = 'Velg enhet' }: {
  name: string;
  label: string;
  units: Unit[];
  required?: boolean;
  hint?: string;
  defaultValue?: string;
  placeholder?: string;
}) {
  return <SelectField name={name} label={label} hint={hint} required={required} options={unitOptions(units)} placeholder={placeholder} defaultValue={defaultValue} />;
}
