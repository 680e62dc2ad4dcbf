import { useSearchParams } from 'react-router-dom';
import type { Span, Unit } from '../api';
import { periodChoices } from '../format/period';
import { text } from './Form';

const thisYear = () => new Date().getFullYear();

/**
 * The span (from/to period) and tree level of a report, kept in the address so every view can be linked to.
 * `defaultLevel` when the address names none (the ledger opens one level down, where money crosses units).
 */
export function useSpan(defaultLevel = 0): [Span, (next: Span) => void] {
  const [params, setParams] = useSearchParams();
  const year = thisYear();
  const span: Span = {
    from: params.get('fra') ?? `${year}-T1`,
    to: params.get('til') ?? `${year}-T3`,
    level: Number(params.get('niva') ?? String(defaultLevel)) || 0,
  };
  const set = (next: Span) => {
    const search = new URLSearchParams(params);
    search.set('fra', next.from);
    search.set('til', next.to);
    search.set('niva', String(next.level));
    setParams(search, { flushSync: true });
  };
  return [span, set];
}

export const spanQuery = (span: Span) => `fra=${encodeURIComponent(span.from)}&til=${encodeURIComponent(span.to)}&niva=${span.level}`;

export function levelLabel(level: number): string {
  return level === 0 ? 'Nivå 0 – kommune / øverste nivå' : level === 1 ? 'Nivå 1 – enheter rett under kommunen' : `Nivå ${level}`;
}

/** Keyed by its value so that a span changed elsewhere (a link, the back button) resets the uncontrolled select. */
function PeriodSelect({ name, label, value, choices }: { name: string; label: string; value: string; choices: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={`span-${name}`}>{label}</label>
      <select id={`span-${name}`} name={name} defaultValue={value} key={`${name}-${value}`}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
}

export function SpanPicker({ span, onChange, units }: { span: Span; onChange: (span: Span) => void; units: Unit[] }) {
  const year = thisYear();
  const choices = periodChoices(year - 3, year + 4);
  for (const value of [span.from, span.to]) if (!choices.some((c) => c.value === value)) choices.push({ value, label: value });
  const maxDepth = Math.max(0, ...units.map((unit) => unit.depth));
  return (
    <form
      className="filters"
      aria-label="Velg periode og nivå"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onChange({ from: text(data, 'fra') ?? '', to: text(data, 'til') ?? '', level: Number(text(data, 'niva')) });
      }}
    >
      <PeriodSelect name="fra" label="Fra periode" value={span.from} choices={choices} />
      <PeriodSelect name="til" label="Til periode" value={span.to} choices={choices} />
      <div className="field">
        <label htmlFor="span-niva">Nivå i organisasjonen</label>
        <select id="span-niva" name="niva" defaultValue={span.level} key={`niva-${span.level}-${maxDepth}`}>
          {Array.from({ length: maxDepth + 1 }, (_, level) => <option key={level} value={level}>{levelLabel(level)}</option>)}
        </select>
      </div>
      <button type="submit" className="button">Vis</button>
    </form>
  );
}
