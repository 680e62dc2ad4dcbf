import { api } from '../../api';
import { Form, SelectField, text, useFormControl } from '../../components/Form';
import { phaseLabel } from '../../format/labels';

export function PhaseForm({ projectId, phase, onSaved }: { projectId: string; phase: string; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      label="Endre fase"
      submitLabel="Endre fase"
      onSubmit={(data) => control.run(async () => {
        await api.projects.changePhase(projectId, { phase: text(data, 'phase') ?? '' });
        onSaved();
      })}
    >
      <SelectField name="phase" label="Ny fase" defaultValue={phase} options={Object.entries(phaseLabel).map(([value, label]) => ({ value, label }))} />
    </Form>
  );
}
