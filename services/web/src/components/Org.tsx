import { useSearchParams } from 'react-router-dom';
import { RadioGroup } from './Form';
import { formatDate, todayIso } from '../format/date';

/** The organisation a report places its figures by when the reader does not choose (the API's default). */
export const DEFAULT_ORG = 'today';

/**
 * `?org=period|today|yyyy-mm-dd`, kept in the address like `fra/til/niva`: the organisation (unit tree)
 * the figures are placed by. Null: the default, today.
 */
export function useOrg(): [string | null, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const org = params.get('org') || null;
  const set = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (next && next !== DEFAULT_ORG) search.set('org', next); else search.delete('org');
    setParams(search, { flushSync: true }); // the radio shows the choice at once, not after a transition
  };
  return [org, set];
}

/** The organisation in words, for headings and the «Viser …» line. */
export function orgText(org: string | null): string {
  if (org === 'period') return 'enhetene slik organisasjonen var i hver periode';
  if (org && org !== DEFAULT_ORG) return `enhetene slik organisasjonen sto ${formatDate(org)}`;
  return 'enhetene slik organisasjonen står i dag (standard)';
}

/**
 * «Slik organisasjonen var»: which unit tree the figures are placed by — today's (the default), the
 * one of each period (a move or merger counts from its effective date), or the one of a chosen date.
 * Independent of «Slik det sto» (as known at a date).
 */
export function OrgPicker({ org, onChange }: { org: string | null; onChange: (next: string | null) => void }) {
  const mode = org === 'period' ? 'period' : org && org !== DEFAULT_ORG ? 'date' : 'today';
  const date = mode === 'date' ? (org ?? todayIso()) : todayIso();
  return (
    <section aria-labelledby="slik-org-var" className="org-picker">
      <h2 id="slik-org-var">Slik organisasjonen var</h2>
      <p>
        Enheter flyttes og slås sammen. Velg hvilket enhetstre tallene skal fordeles etter. Standard er organisasjonen slik den står i dag.
        Dette er uavhengig av «Slik det sto», som viser hva som var registrert på en dato.
      </p>
      <RadioGroup
        name="org"
        legend="Fordel tallene etter organisasjonen"
        value={mode}
        onChange={(next) => onChange(next === 'period' ? 'period' : next === 'date' ? date : null)}
        options={[
          { value: 'today', label: 'Slik den står i dag (standard)' },
          { value: 'period', label: 'Per periode: slik den var i hver periode' },
          { value: 'date', label: 'På en dato' },
        ]}
      />
      {mode === 'date' && (
        <div className="field">
          <label htmlFor="f-org-dato">Dato for organisasjonen</label>
          <input id="f-org-dato" type="date" value={date} onChange={(e) => e.target.value && onChange(e.target.value)} />
        </div>
      )}
      <p className="showing" data-testid="organisasjon">Tallene fordeles etter {orgText(org)}.</p>
    </section>
  );
}
