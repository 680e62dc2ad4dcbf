import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, type Category, type Direction, type Schedule } from '../../api';
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

type Overlapped = ApiError['overlaps'][number];

/** After a 409 `benefit_overlaps`: how the gain is shared with each benefit of another project it overlaps. */
function SharedGainFields({ overlaps }: { overlaps: Overlapped[] }) {
  return (
    <fieldset id="delt-gevinst">
      <legend>Delt gevinst</legend>
      <p className="hint">
        Et annet prosjekt regner allerede med denne gevinsten: samme mottakerenhet, indikator og måleenhet i overlappende perioder. Oppgi hvor stor
        andel av gevinsten hvert prosjekt regner med (til sammen høyst 100 %), så telles den ikke to ganger. Planen over skal være dette
        prosjektets andel.
      </p>
      {overlaps.map((o, i) => (
        <div key={o.benefitId}>
          <p>
            Overlapper <Link to={`/gevinster/${o.benefitId}`}>{o.title}</Link> i prosjektet{' '}
            <Link to={`/prosjekter/${o.projectId}`}>{o.projectName ?? o.projectId}</Link>.
          </p>
          <div className="row">
            <TextField name={`sharedWith.${i}.sharePercent`} label={`Andel for denne gevinsten (%), delt med «${o.title}»`} inputMode="decimal" required />
            <TextField name={`sharedWith.${i}.otherSharePercent`} label={`Andel for «${o.title}» (%)`} inputMode="decimal" required />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function BenefitNew() {
  const { projectId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<Direction>('decrease');
  const [rows, setRows] = useState(() => nextTertials(3).map((p) => planLineRow(p)));
  // the other projects' benefits the API said this one overlaps (409 benefit_overlaps): each needs shares
  const [overlaps, setOverlaps] = useState<Overlapped[]>([]);

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const owner = check.email('owner');
    const valuationOrePerUnit = check.kr('valuationOrePerUnit', { example: '650' });
    const baseline = check.number('baseline');
    const target = check.number('target', { example: '5' });
    const targetDate = check.date('targetDate');
    const plan = check.plan(rows.length);
    const sharedWith = overlaps.map((o, i) => ({
      benefitId: o.benefitId,
      sharePercent: check.number(`sharedWith.${i}.sharePercent`, { required: true, example: '50' }) ?? 0,
      otherSharePercent: check.number(`sharedWith.${i}.otherSharePercent`, { required: true, example: '50' }) ?? 0,
    }));
    if (!check.ok) return control.fail(check.errors);
    return control.run(async () => {
      const created = await api.projects.planBenefit(projectId, {
        ...(sharedWith.length > 0 ? { sharedWith } : {}),
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
      }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'benefit_overlaps')
          setOverlaps((shown) => [...shown, ...error.overlaps.filter((o) => !shown.some((s) => s.benefitId === o.benefitId))]);
        // the benefit no longer overlaps one it was shared with (say, another recipient was chosen): its share goes
        if (error instanceof ApiError && error.code === 'share_not_overlapping') {
          const stale = error.fields.map((f) => /^sharedWith\.(\d+)\./.exec(f.path)?.[1]).filter((i) => i !== undefined).map(Number);
          setOverlaps((shown) => shown.filter((_, i) => !stale.includes(i)));
        }
        throw error;
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
          {overlaps.length > 0 && <SharedGainFields overlaps={overlaps} />}
        </Form>
      </Busy>
    </Page>
  );
}
