import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type Category, type Direction, type Schedule } from '../../api';
import { CheckboxField, Form, RadioGroup, SelectField, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { PlanLinesFields, planLineRow } from '../../components/PlanLines';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { categoryLabel } from '../../format/labels';

function nextTertials(count: number): string[] {
  const now = new Date();
  let year = now.getFullYear();
  let t = Math.floor(now.getMonth() / 4) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-T${t}`);
    t += 1;
    if (t > 3) { t = 1; year += 1; }
  }
  return out;
}

export function BenefitNew() {
  const { projectId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<Direction>('decrease');
  const [rows, setRows] = useState(() => nextTertials(3).map((p) => planLineRow(p)));

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const owner = check.email('owner');
    const valuationOrePerUnit = check.kr('valuationOrePerUnit', { example: '650' });
    const baseline = check.number('baseline');
    const target = check.number('target', { example: '5' });
    const targetDate = check.date('targetDate');
    const plan = check.plan(rows.length);
    if (!check.ok) return control.fail(check.errors);
    return control.run(async () => {
      const created = await api.projects.planBenefit(projectId, {
        title: text(data, 'title') ?? '',
        recipientUnitId: text(data, 'recipientUnitId') ?? '',
        owner: owner ?? '',
        indicator: text(data, 'indicator') ?? '',
        unitOfMeasure: text(data, 'unitOfMeasure') ?? '',
        direction,
        category: (text(data, 'category') ?? 'capacity') as Category,
        cashReleasing: data.get('cashReleasing') === 'on',
        valuationOrePerUnit,
        baseline,
        target,
        targetDate,
        plan,
        measurementSchedule: (text(data, 'measurementSchedule') ?? 'tertial') as Schedule,
      });
      void navigate(`/gevinster/${created.id}`);
    });
  };

  return (
    <Page title="Planlegg gevinst" intro={project.data && <p>For prosjektet <Link to={`/prosjekter/${projectId}`}>{project.data.name}</Link>.</p>}>
      <Busy loading={project.loading || units.loading} error={project.error} hasData={!!project.data && !units.loading} label="Laster …">
        <Form control={control} onSubmit={submit} submitLabel="Lagre gevinstplan" label="Ny gevinst">
          <TextField name="title" label="Gevinst" required hint="Kort navn, f.eks. «Raskere byggesaksbehandling»" />
          <div className="row">
            <UnitSelect name="recipientUnitId" label="Gevinstmottaker (enhet)" units={units.units} required />
            <TextField name="owner" label="Gevinsteier (e-post)" type="email" required autoComplete="off" />
          </div>
          <div className="row">
            <TextField name="indicator" label="Måleindikator" required hint="F.eks. «timer per byggesak»" />
            <TextField name="unitOfMeasure" label="Måleenhet" required hint="F.eks. «timer»" />
          </div>
          <RadioGroup name="direction" legend="Retning" value={direction} onChange={(v) => setDirection(v as Direction)} options={[{ value: 'decrease', label: 'Skal reduseres' }, { value: 'increase', label: 'Skal øke' }]} />
          <div className="row">
            <SelectField name="category" label="Gevinstkategori" defaultValue="capacity" options={Object.entries(categoryLabel).map(([value, label]) => ({ value, label }))} />
            <TextField name="valuationOrePerUnit" label="Verdi per måleenhet (kr)" inputMode="decimal" hint="Tom hvis gevinsten ikke prissettes. For frigjort tid: timesatsen." />
          </div>
          <CheckboxField name="cashReleasing" label="Budsjettmessig (kontantfrigjørende) – kan tas ut av budsjettet" hint="Bare for kategorien «Budsjettmessig i egen virksomhet» (DFØ)" />
          <div className="row">
            <TextField name="baseline" label="Nullpunkt" inputMode="decimal" hint="Indikatorens verdi før endringen" />
            <TextField name="target" label="Målverdi" inputMode="decimal" />
            <TextField name="targetDate" label="Mål innen (dato)" type="date" />
          </div>
          <SelectField name="measurementSchedule" label="Måles hver" defaultValue="tertial" options={[{ value: 'tertial', label: 'Tertial' }, { value: 'year', label: 'År' }, { value: 'month', label: 'Måned' }]} />
          <PlanLinesFields legend="Plan per periode (mengde i måleenheten)" rows={rows} onChange={setRows} />
        </Form>
      </Busy>
    </Page>
  );
}
