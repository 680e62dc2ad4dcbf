import { Link } from 'react-router-dom';
import { api } from '../../api';
import { Form, SelectField, useFormControl, type FormCheck } from '../../components/Form';
import { useApi } from '../../hooks/useApi';
import { goalKindLabel } from '../../format/labels';

/** «Mål gevinsten støtter» on the benefit page: the goals it is linked to, and a form to link another. */
export function BenefitGoals({ benefitId, canLink }: { benefitId: string; canLink: boolean }) {
  const goals = useApi(() => api.goals.list(), [benefitId]);
  const control = useFormControl();
  const all = goals.data ?? [];
  const linked = all.filter((g) => g.benefitIds.includes(benefitId));
  const submit = (_data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const goalId = check.text('goalId', { required: true });
    return control.submit(check, async () => {
      await api.goals.linkBenefit(goalId ?? '', benefitId);
      goals.reload();
    });
  };
  return (
    <section aria-labelledby="mal-gevinsten-stotter" className="benefit-part">
      <h2 id="mal-gevinsten-stotter">Mål gevinsten støtter</h2>
      {linked.length === 0 ? (
        <p>Gevinsten er ikke knyttet til noe mål ennå.</p>
      ) : (
        <ul>
          {linked.map((g) => (
            <li key={g.goalId}>
              {goalKindLabel[g.kind]}: <Link to={`/mal/${encodeURIComponent(g.goalId)}`}>{g.title}</Link>{g.unitName && <span className="hint"> · {g.unitName}</span>}
            </li>
          ))}
        </ul>
      )}
      {canLink && all.length > 0 && (
        <Form control={control} onSubmit={submit} submitLabel="Knytt til målet" label="Knytt gevinsten til et mål" prefix="gevinst-mal">
          <SelectField
            name="goalId"
            label="Mål"
            required
            placeholder="Velg mål"
            options={all.filter((g) => !g.retired && !linked.includes(g)).map((g) => ({ value: g.goalId, label: `${goalKindLabel[g.kind]}: ${g.title}` }))}
          />
        </Form>
      )}
    </section>
  );
}
