import { useState } from 'react';
import { api, type CostKind, type Unit } from '../../api';
import { Form, SelectField, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { UnitSelect } from '../../components/UnitSelect';
import { todayIso } from '../../format/date';
import { tertialOf } from '../../format/period';

export const costKindOptions = [{ value: 'one-off', label: 'Engangskostnad' }, { value: 'annual', label: 'Årlig driftskostnad' }];

/** «Årlig fra–til»: an annual cost's first year and (optionally) its last; empty «til» runs until stopped. */
export function AnnualYears({ startYear, endYear }: { startYear?: number | null; endYear?: number | null }) {
  return (
    <fieldset>
      <legend>Årlig fra–til</legend>
      <div className="row">
        <TextField name="startYear" label="Fra år" inputMode="numeric" required defaultValue={startYear ?? Number(todayIso().slice(0, 4))} hint="Første budsjettår kostnaden teller i" />
        <TextField name="endYear" label="Til og med år" inputMode="numeric" defaultValue={endYear ?? ''} hint="Tomt: løper til den stoppes" />
      </div>
    </fieldset>
  );
}

/** Reads «Årlig fra–til»; the end may not come before the start. */
export function readAnnualYears(check: FormCheck): { startYear: number | null; endYear: number | null } {
  const startYear = check.year('startYear', { required: true });
  const endYear = check.year('endYear');
  if (startYear !== null && endYear !== null && endYear < startYear) check.refuse('endYear', 'Sluttåret kan ikke være før startåret.');
  return { startYear, endYear };
}

export function CostForm({ projectId, units, onSaved }: { projectId: string; units: Unit[]; onSaved: () => void }) {
  const control = useFormControl();
  const [kind, setKind] = useState<CostKind>('one-off');
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const amountOre = check.kr('amountOre');
    if (kind === 'annual') {
      const { startYear, endYear } = readAnnualYears(check);
      if (amountOre === null || startYear === null || !check.ok) return control.fail(check.errors);
      return control.run(async () => {
        await api.projects.recordCost(projectId, {
          payerUnitId: text(data, 'payerUnitId') ?? '',
          amountOre,
          period: String(startYear),
          kind,
          startYear,
          endYear,
          description: text(data, 'description'),
        });
        form.reset();
        setKind('one-off');
        onSaved();
      });
    }
    const period = check.period('period');
    if (amountOre === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.projects.recordCost(projectId, {
        payerUnitId: text(data, 'payerUnitId') ?? '',
        amountOre,
        period: period ?? '',
        kind,
        description: text(data, 'description'),
      });
      form.reset();
      onSaved();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Registrer kostnad" label="Registrer kostnad">
      <div className="row">
        <UnitSelect name="payerUnitId" label="Enhet som betaler" units={units} required />
        <TextField name="amountOre" label={kind === 'annual' ? 'Beløp per år (kr)' : 'Beløp (kr)'} inputMode="decimal" required hint="F.eks. 250 000" />
      </div>
      <div className="row">
        <SelectField name="kind" label="Type kostnad" options={costKindOptions} value={kind} onChange={(e) => setKind(e.target.value === 'annual' ? 'annual' : 'one-off')} />
        {kind === 'one-off' && <TextField name="period" label="Periode" required defaultValue={tertialOf(todayIso())} hint="Tertial (2026-T2) eller år (2026)" />}
      </div>
      {kind === 'annual' && <AnnualYears />}
      <TextField name="description" label="Beskrivelse" />
    </Form>
  );
}
