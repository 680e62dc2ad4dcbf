import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { Form, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { Busy } from '../../components/Loading';
import { useUnits } from '../../hooks/useUnits';
import { useMe, useMyEmail } from '../../hooks/useMe';

export function ProjectNew() {
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const me = useMe();
  const myEmail = useMyEmail();

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const projectLeader = check.email('projectLeader');
    const greenPct = check.number('thresholds.greenPct', { required: true, example: '100' });
    const yellowPct = check.number('thresholds.yellowPct', { required: true, example: '80' });
    if (greenPct === null || yellowPct === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      const created = await api.projects.register({
        name: text(data, 'name') ?? '',
        ownerUnitId: text(data, 'ownerUnitId') ?? '',
        projectLeader: projectLeader ?? '',
        thresholds: { greenPct, yellowPct },
      });
      void navigate(`/prosjekter/${created.id}`);
    });
  };

  return (
    <Page title="Registrer prosjekt" intro={<p>Prosjektet eies av én enhet. Kostnader per betalende enhet og planlagte gevinster legger du inn etterpå.</p>}>
      <Busy loading={units.loading || me.state === 'loading'} hasData={!units.loading && me.state !== 'loading'} label="Laster enheter …">
        <Form control={control} onSubmit={submit} submitLabel="Registrer prosjekt" label="Nytt prosjekt">
          <TextField name="name" label="Prosjektnavn" required autoComplete="off" />
          <UnitSelect name="ownerUnitId" label="Prosjekteier (enhet)" units={units.units} required />
          <TextField name="projectLeader" label="Prosjektleder (e-post)" type="email" required defaultValue={myEmail} autoComplete="email" />
          <fieldset className="group">
            <legend>Resultatgrenser for målekortet</legend>
            <div className="row">
              <TextField name="thresholds.greenPct" label="Ønsket fra (% av plan)" inputMode="decimal" defaultValue="100" required />
              <TextField name="thresholds.yellowPct" label="Akseptabelt fra (% av plan)" inputMode="decimal" defaultValue="80" required />
            </div>
          </fieldset>
        </Form>
      </Busy>
    </Page>
  );
}
