import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { Form, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSelect, unitOptions } from '../../components/UnitSelect';
import { useUnits } from '../../hooks/useUnits';
import { todayIso } from '../../format/date';

/** Merge units into an existing successor or into a new one (kommunesammenslåing, omorganisering). */
export function MergeUnits() {
  const [params] = useSearchParams();
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const successorDefault = params.get('inn') ?? '';

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const mergedUnitIds = data.getAll('mergedUnitIds').map(String);
    if (mergedUnitIds.length === 0) check.refuse('mergedUnitIds', 'Velg minst én enhet som skal slås sammen.');
    const successorUnitId = check.text('successorUnitId');
    const successorName = successorUnitId ? undefined : check.text('successorName', { required: true }) ?? undefined;
    const effectiveDate = check.date('effectiveDate');
    return control.submit(check, async () => {
    const created = await api.units.merge({
      mergedUnitIds,
      successorUnitId: successorUnitId ?? undefined,
      successorName,
      parentId: text(data, 'parentId'),
      effectiveDate: effectiveDate ?? '',
    });
    // the contract answers with the successor's id; find it by name should an answer lack it
    const id = created.id ?? successorUnitId ?? (await api.units.list()).find((u) => u.active && u.name === successorName)?.id;
    void navigate(id ? `/enheter/${id}` : '/enheter');
    });
  };

  return (
    <Page title="Slå sammen enheter" intro={<p>Historikken blir liggende på de gamle enhetene og rulles opp til etterfølgeren i rapportene.</p>}>
      <Busy loading={units.loading} hasData={!units.loading} label="Laster enhetene …">
        <Form control={control} onSubmit={submit} label="Slå sammen enheter" submitLabel="Slå sammen">
          <fieldset className="group field" id="f-mergedUnitIds" data-field="mergedUnitIds" data-label="Enheter som slås sammen" aria-describedby={control.errors.mergedUnitIds ? 'f-mergedUnitIds-feil' : undefined}>
            <legend>Enheter som slås sammen</legend>
            <div className="checklist">
              {unitOptions(units.units).map((option) => (
                <label key={option.value} className="radio">
                  <input type="checkbox" name="mergedUnitIds" value={option.value} /> {option.label.trim()}
                </label>
              ))}
            </div>
            {control.errors.mergedUnitIds && <p className="field-error" id="f-mergedUnitIds-feil"><span aria-hidden="true">⚠ </span>{control.errors.mergedUnitIds}</p>}
          </fieldset>
          <UnitSelect name="successorUnitId" label="Etterfølger (eksisterende enhet)" units={units.units} placeholder="Ny enhet (skriv navn under)" defaultValue={successorDefault} />
          <div className="row">
            <TextField name="successorName" label="Navn på ny enhet" hint="Bare når etterfølgeren er en ny enhet" />
            <UnitSelect name="parentId" label="Den nye enheten ligger under" units={units.units} placeholder="Øverste nivå" />
          </div>
          <TextField name="effectiveDate" label="Gjelder fra" type="date" required defaultValue={todayIso()} />
        </Form>
      </Busy>
    </Page>
  );
}
