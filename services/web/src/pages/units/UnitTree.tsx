import { Link } from 'react-router-dom';
import { api, type Unit } from '../../api';
import { Form, TextField, text, useFormControl } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { useUnits } from '../../hooks/useUnits';
import { formatDate } from '../../format/date';

/** A unit's planned moves and mergers in words (they are annulled on the unit's page). */
const plannedText = (unit: Unit, name: (id: string) => string): string =>
  unit.planned
    .map((c) =>
      c.kind === 'move'
        ? `flyttes til ${c.newParentId ? name(c.newParentId) : 'øverste nivå'} fra ${formatDate(c.effectiveDate)}`
        : `slås sammen inn i ${c.successorUnitId ? name(c.successorUnitId) : '–'} fra ${formatDate(c.effectiveDate)}`,
    )
    .join('; ');

function Branch({ units, parentId }: { units: Unit[]; parentId: string | null }) {
  const children = units
    .filter((unit) => (unit.parentId ?? null) === parentId || (parentId === null && unit.parentId && !units.some((u) => u.id === unit.parentId)))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  if (!children.length) return null;
  return (
    <ul className="tree">
      {children.map((unit) => (
        <li key={unit.id}>
          <Link to={`/enheter/${unit.id}`}>{unit.name}</Link>
          {!unit.active && <span className="muted"> (slått sammen)</span>}
          {unit.orgNumber && <span className="muted"> · org.nr. {unit.orgNumber}</span>}
          {unit.planned.length > 0 && (
            <span className="planned"> · planlagt: {plannedText(unit, (id) => units.find((u) => u.id === id)?.name ?? id)} (<Link to={`/enheter/${unit.id}#planlagt`}>annuller</Link>)</span>
          )}
          <Branch units={units} parentId={unit.id} />
        </li>
      ))}
    </ul>
  );
}

export function UnitTree() {
  const units = useUnits();
  const control = useFormControl();
  return (
    <Page title="Enheter" actions={<Link className="button" to="/enheter/sammenslaing">Slå sammen enheter</Link>}>
      <Busy loading={units.loading} hasData={!units.loading} label="Laster enhetene …">
        {units.units.length === 0 ? <p>Ingen enheter ennå.</p> : (
          <nav aria-label="Organisasjonstreet">
            <Branch units={units.units} parentId={null} />
          </nav>
        )}
        <section aria-labelledby="ny-enhet">
          <h2 id="ny-enhet">Ny enhet</h2>
          <Form
            control={control}
            label="Ny enhet"
            submitLabel="Registrer enhet"
            onSubmit={(data, form, check) => {
              const leader = check.email('leader');
              return control.submit(check, async () => {
                await api.units.register({
                  name: text(data, 'name') ?? '',
                  parentId: text(data, 'parentId'),
                  orgNumber: text(data, 'orgNumber'),
                  leader,
                });
                form.reset();
                units.reload();
              });
            }}
          >
            <div className="row">
              <TextField name="name" label="Navn" required autoComplete="off" />
              <UnitSelect name="parentId" label="Ligger under" units={units.units} placeholder="Øverste nivå (kommune)" />
            </div>
            <div className="row">
              <TextField name="orgNumber" label="Organisasjonsnummer" inputMode="numeric" hint="9 siffer, bare for kommuner og samarbeid" />
              <TextField name="leader" label="Leder (e-post)" type="email" />
            </div>
          </Form>
        </section>
      </Busy>
    </Page>
  );
}
