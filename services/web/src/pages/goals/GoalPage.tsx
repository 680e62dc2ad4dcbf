import { Link, useParams } from 'react-router-dom';
import { api, type Direction, type GoalScorecardRow } from '../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useAllBenefits } from '../../hooks/useAllBenefits';
import { useApi } from '../../hooks/useApi';
import { directionLabel, goalKindLabel } from '../../format/labels';
import { GoalCard } from './GoalCard';

const thisYear = () => new Date().getFullYear();

/** Resultatkrav and resultatgrenser for one year of an indicator. */
function RequirementForm({ goal, onDone }: { goal: GoalScorecardRow; onDone: () => void }) {
  const control = useFormControl();
  const last = [...goal.years].reverse().find((y) => y.requirement)?.requirement;
  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const year = check.year('year', { required: true });
    const requiredValue = check.number('requiredValue', { required: true });
    const unitOfMeasure = check.text('unitOfMeasure', { required: true });
    const desiredLimit = check.number('desiredLimit', { required: true });
    const acceptableLimit = check.number('acceptableLimit', { required: true });
    const direction = (text(data, 'direction') ?? 'increase') as Direction;
    return control.submit(check, async () => {
      await api.goals.setRequirement(goal.goalId, { year: year ?? 0, requiredValue: requiredValue ?? 0, unitOfMeasure: unitOfMeasure ?? '', direction, desiredLimit: desiredLimit ?? 0, acceptableLimit: acceptableLimit ?? 0 });
      onDone();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Lagre resultatkrav" label="Resultatkrav" prefix="krav">
      <div className="row">
        <TextField name="year" label="År" required inputMode="numeric" defaultValue={String(thisYear())} />
        <TextField name="requiredValue" label="Resultatkrav" required inputMode="decimal" />
        <TextField name="unitOfMeasure" label="Måleenhet" required defaultValue={last?.unitOfMeasure ?? ''} hint="F.eks. prosent eller dager" />
        <SelectField name="direction" label="Retning" required options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: directionLabel[d] }))} defaultValue={last?.direction ?? 'increase'} />
      </div>
      <div className="row">
        <TextField name="desiredLimit" label="Ønsket fra og med" required inputMode="decimal" hint="Resultater på eller bedre enn denne grensen er ønsket" />
        <TextField name="acceptableLimit" label="Akseptabelt fra og med" required inputMode="decimal" hint="Dårligere enn denne grensen er uakseptabelt" />
      </div>
    </Form>
  );
}

/** An indicator's result for a year; a year already recorded is corrected with a reason. */
function ResultForm({ goal, onDone }: { goal: GoalScorecardRow; onDone: () => void }) {
  const control = useFormControl();
  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const year = check.year('year', { required: true });
    const value = check.number('value', { required: true });
    return control.submit(check, async () => {
      await api.goals.recordResult(goal.goalId, { year: year ?? 0, value: value ?? 0, comment: text(data, 'comment'), reason: text(data, 'reason') });
      onDone();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Registrer resultat" label="Resultat" prefix="resultat">
      <div className="row">
        <TextField name="year" label="År" required inputMode="numeric" defaultValue={String(thisYear())} />
        <TextField name="value" label="Resultat" required inputMode="decimal" />
      </div>
      <TextArea name="comment" label="Kommentar" hint="F.eks. kilden til tallet" />
      <TextField name="reason" label="Begrunnelse for retting" hint="Bare når året alt har et resultat" />
    </Form>
  );
}

/** Links a benefit (or a project) to the goal. */
function LinkForm({ goalId, linked, onDone }: { goalId: string; linked: string[]; onDone: () => void }) {
  const benefits = useAllBenefits();
  const control = useFormControl();
  const submit = (_data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const benefitId = check.text('benefitId', { required: true });
    return control.submit(check, async () => {
      await api.goals.linkBenefit(goalId, benefitId ?? '');
      onDone();
    });
  };
  const options = (benefits.data ?? [])
    .filter(({ benefit }) => !benefit.cancelled && !linked.includes(benefit.id))
    .map(({ benefit, project }) => ({ value: benefit.id, label: `${benefit.title} (${project.name})` }));
  return (
    <Busy loading={benefits.loading} hasData={!!benefits.data} label="Laster gevinstene …">
      <Form control={control} onSubmit={submit} submitLabel="Knytt gevinsten til målet" label="Knytt en gevinst" prefix="knytt">
        <SelectField name="benefitId" label="Gevinst" required options={options} placeholder="Velg gevinst" />
      </Form>
    </Busy>
  );
}

/** `/mal/:goalId`: the målekort of a goal and everything under it, with the forms that keep it. */
export function GoalPage() {
  const { goalId = '' } = useParams();
  const card = useApi(() => api.goals.scorecard(goalId), [goalId]);
  const goal = card.data?.rows[0];
  return (
    <Page title={goal ? `Målekort: ${goal.title}` : 'Målekort'} intro={<p><Link to="/mal">Alle mål</Link>{goal && <> · {goalKindLabel[goal.kind]} · {goal.unitName}</>}</p>}>
      <Busy loading={card.loading} error={card.error} hasData={!!card.data} label="Laster målekortet …">
        {card.data && goal && (
          <>
            {goal.description && <p>{goal.description}</p>}
            <GoalCard card={card.data} label={`Målekort for ${goal.title}`} />
            {!goal.retired && (
              <>
                {goal.kind === 'indicator' && (
                  <>
                    <h2 id="sett-krav">Sett resultatkrav</h2>
                    <RequirementForm goal={goal} onDone={card.reload} />
                    <h2 id="registrer-resultat">Registrer resultat</h2>
                    <ResultForm goal={goal} onDone={card.reload} />
                  </>
                )}
                <h2 id="knytt-gevinst">Knytt en gevinst til målet</h2>
                <LinkForm goalId={goal.goalId} linked={goal.benefitIds} onDone={card.reload} />
              </>
            )}
          </>
        )}
      </Busy>
    </Page>
  );
}
