import { api, type CostKind, type Unit } from '../../api';
import { Form, SelectField, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { UnitSelect } from '../../components/UnitSelect';
import { todayIso } from '../../format/date';
import { tertialOf } from '../../format/period';

export function CostForm({ projectId, units, onSaved }: { projectId: string; units: Unit[]; onSaved: () => void }) {
  const control = useFormControl();
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const amountOre = check.kr('amountOre');
    const period = check.period('period');
    if (amountOre === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.projects.recordCost(projectId, {
        payerUnitId: text(data, 'payerUnitId') ?? '',
        amountOre,
        period: period ?? '',
        kind: (text(data, 'kind') ?? 'one-off') as CostKind,
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
        <TextField name="amountOre" label="Beløp (kr)" inputMode="decimal" required hint="F.eks. 250 000" />
      </div>
      <div className="row">
        <TextField name="period" label="Periode" required defaultValue={tertialOf(todayIso())} hint="Tertial (2026-T2) eller år (2026)" />
        <SelectField name="kind" label="Type kostnad" options={[{ value: 'one-off', label: 'Engangskostnad' }, { value: 'annual', label: 'Årlig driftskostnad' }]} />
      </div>
      <TextField name="description" label="Beskrivelse" />
    </Form>
  );
}
