import { Link, useSearchParams } from 'react-router-dom';
import { api, type GoalKind, type GoalSummary } from '../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { goalKindLabel } from '../../format/labels';
import { GoalCard } from './GoalCard';

const kinds: GoalKind[] = ['main', 'sub', 'indicator'];

/** The goals as a tree: each goal with the goals under it. */
function GoalTree({ goals, parentId }: { goals: GoalSummary[]; parentId: string | null }) {
  const here = goals.filter((g) => g.parentGoalId === parentId || (parentId === null && g.parentGoalId !== null && !goals.some((p) => p.goalId === g.parentGoalId)));
  if (here.length === 0) return null;
  return (
    <ul className="goal-tree">
      {here.map((g) => (
        <li key={g.goalId}>
          <span className="goal-kind">{goalKindLabel[g.kind]}</span>{' '}
          <Link to={`/mal/${encodeURIComponent(g.goalId)}`}>{g.title}</Link>
          {g.unitName && <span className="hint"> · {g.unitName}</span>}
          {g.retired && ' (avviklet)'}
          <GoalTree goals={goals} parentId={g.goalId} />
        </li>
      ))}
    </ul>
  );
}

/** Defines a hovedmål, delmål or måleindikator in a unit; a delmål hangs under a hovedmål, an indicator under a delmål. */
function DefineGoalForm({ goals, onDone }: { goals: GoalSummary[]; onDone: () => void }) {
  const units = useUnits();
  const control = useFormControl();
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const kind = (text(data, 'kind') ?? 'main') as GoalKind;
    const title = check.text('title', { required: true });
    const unitId = check.text('unitId', { required: true });
    const parentGoalId = text(data, 'parentGoalId');
    if (kind !== 'main' && !parentGoalId) check.refuse('parentGoalId', kind === 'sub' ? 'Et delmål må høre til et hovedmål' : 'En måleindikator må høre til et delmål');
    return control.submit(check, async () => {
      await api.goals.define({ kind, title: title ?? '', description: text(data, 'description'), unitId: unitId ?? '', parentGoalId: kind === 'main' ? null : parentGoalId });
      form.reset();
      onDone();
    });
  };
  const parents = goals.filter((g) => g.kind !== 'indicator' && !g.retired);
  return (
    <Form control={control} onSubmit={submit} submitLabel="Definer målet" label="Nytt mål" prefix="nytt-mal">
      <div className="row">
        <SelectField name="kind" label="Type mål" required options={kinds.map((k) => ({ value: k, label: goalKindLabel[k] }))} defaultValue="main" />
        <UnitSelect name="unitId" label="Enhet som eier målet" units={units.units} required />
      </div>
      <TextField name="title" label="Tittel" required />
      <SelectField
        name="parentGoalId"
        label="Overordnet mål"
        hint="Et delmål hører til et hovedmål, en måleindikator til et delmål. Et hovedmål har ikke overordnet mål."
        placeholder="Ingen (hovedmål)"
        options={parents.map((g) => ({ value: g.goalId, label: `${goalKindLabel[g.kind]}: ${g.title}` }))}
      />
      <TextArea name="description" label="Beskrivelse" />
    </Form>
  );
}

/** `/mal`: the kommune's målstruktur, a unit's målekort (`?enhet=`), and the form to define a goal. */
export function GoalsPage() {
  const [search, setSearch] = useSearchParams();
  const unitId = search.get('enhet');
  const units = useUnits();
  const goals = useApi(() => api.goals.list(), []);
  const card = useApi(() => (unitId ? api.goals.unitScorecard(unitId) : Promise.resolve(null)), [unitId]);
  return (
    <Page
      title="Mål og målekort"
      intro={
        <p>
          Kommunens målstruktur: hovedmål, delmål (suksessfaktorer) og måleindikatorer med resultatkrav per år. Velg et mål for å se målekortet,
          med resultater, vurdering mot resultatgrensene og gevinstene som støtter målet. <Link to="/ledelse">Målekort for gevinstporteføljen</Link>
        </p>
      }
    >
      <h2 id="malstruktur">Målstruktur</h2>
      <Busy loading={goals.loading} error={goals.error} hasData={!!goals.data} label="Laster målene …">
        {goals.data && goals.data.length > 0 ? <GoalTree goals={goals.data} parentId={null} /> : <p>Ingen mål er definert ennå.</p>}
      </Busy>

      <h2 id="enhetens-malekort">Målekort for en enhet</h2>
      <div className="row">
        <label htmlFor="malekort-enhet">Enhet</label>
        <select id="malekort-enhet" value={unitId ?? ''} onChange={(e) => setSearch(e.target.value ? { enhet: e.target.value } : {})}>
          <option value="">Velg enhet</option>
          {units.units.filter((u) => u.active).map((u) => (
            <option key={u.id} value={u.id}>{u.name}</option>
          ))}
        </select>
      </div>
      {unitId && (
        <Busy loading={card.loading} error={card.error} hasData={!!card.data} label="Laster målekortet …">
          {card.data && (card.data.rows.length > 0 ? <GoalCard card={card.data} label={`Målekort for ${card.data.unitName ?? 'enheten'}`} /> : <p>Enheten eier ingen mål.</p>)}
        </Busy>
      )}

      <h2 id="nytt-mal">Definer et mål</h2>
      <DefineGoalForm goals={goals.data ?? []} onDone={goals.reload} />
    </Page>
  );
}
