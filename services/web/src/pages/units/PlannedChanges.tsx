import { api, type UnitDetail } from '../../api';
import { Form, TextArea, useFormControl } from '../../components/Form';
import { formatDate } from '../../format/date';

interface Change {
  kind: 'move' | 'merger';
  effectiveDate: string;
  newParentId: string | null;
  successorUnitId: string | null;
}

/** The merger in force on a merged unit: its last `UnitMergedInto` not annulled since (from the history). */
function currentMerger(unit: UnitDetail): Change | null {
  if (unit.active || !unit.mergedInto) return null;
  let found: Change | null = null;
  for (const entry of unit.history) {
    const d: Record<string, unknown> = entry.data;
    const date = typeof d.effectiveDate === 'string' ? d.effectiveDate : '';
    const successor = typeof d.successorUnitId === 'string' ? d.successorUnitId : '';
    if (entry.type === 'UnitMergedInto') found = { kind: 'merger', effectiveDate: date, newParentId: null, successorUnitId: successor };
    if (entry.type === 'UnitMergerAnnulled' && found?.effectiveDate === date && found.successorUnitId === successor) found = null;
  }
  return found;
}

/** One change with «Annuller» and the reason asked for. */
function AnnulForm({ unit, change, label, onSaved }: { unit: UnitDetail; change: Change; label: string; onSaved: () => void }) {
  const control = useFormControl();
  const prefix = `annuller-${change.kind}-${change.effectiveDate}`;
  return (
    <Form
      control={control}
      prefix={prefix}
      label={`Annuller: ${label}`}
      submitLabel="Annuller"
      busyLabel="Annullerer …"
      onSubmit={(_data, form, check) => {
        const reason = check.text('reason');
        if (!reason) check.refuse('reason', 'Skriv hvorfor endringen annulleres.');
        return control.submit(check, async () => {
          if (change.kind === 'move') await api.units.annulMove(unit.id, { effectiveDate: change.effectiveDate, reason: reason ?? '' });
          else await api.units.annulMerger(unit.id, { successorUnitId: change.successorUnitId ?? '', effectiveDate: change.effectiveDate, reason: reason ?? '' });
          form.reset();
          onSaved();
        });
      }}
    >
      <TextArea name="reason" label="Begrunnelse" required hint="Annulleringen lagres med begrunnelsen; den opprinnelige registreringen blir stående i historikken." />
    </Form>
  );
}

/**
 * The unit's moves and mergers dated after today (planned), and on a merged unit the merger in force:
 * each can be annulled with a reason (a correction is an annulment and a new move).
 */
export function PlannedChanges({ unit, name, onSaved }: { unit: UnitDetail; name: (id: string | null) => string; onSaved: () => void }) {
  const describe = (c: Change) =>
    c.kind === 'move'
      ? `Flyttes til ${c.newParentId ? name(c.newParentId) : 'øverste nivå'} fra ${formatDate(c.effectiveDate)}`
      : `Slås sammen inn i ${name(c.successorUnitId)} fra ${formatDate(c.effectiveDate)}`;
  const merger = currentMerger(unit);
  return (
    <section aria-labelledby="planlagt">
      <h2 id="planlagt">Planlagte endringer</h2>
      {unit.planned.length === 0 ? (
        <p>Ingen flyttinger eller sammenslåinger er planlagt.</p>
      ) : (
        <ul className="planned-changes">
          {unit.planned.map((change) => (
            <li key={`${change.kind}-${change.effectiveDate}`}>
              <p><strong>{describe(change)}</strong></p>
              <AnnulForm unit={unit} change={change} label={describe(change)} onSaved={onSaved} />
            </li>
          ))}
        </ul>
      )}
      {merger && (
        <>
          <h3>Sammenslåingen</h3>
          <p>{describe(merger).replace('Slås sammen', 'Slått sammen')}. Annuller den om den ikke ble vedtatt: enheten blir aktiv igjen og bærer sine egne tall.</p>
          <AnnulForm unit={unit} change={merger} label={describe(merger)} onSaved={onSaved} />
        </>
      )}
    </section>
  );
}
