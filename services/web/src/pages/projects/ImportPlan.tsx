import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type ImportReport } from '../../api';
import { Form, SelectField, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';

/**
 * A filled-in gevinstrealiseringsplan into a project: first a dry run that lists every problem and
 * asks which unit an ambiguous name means; then the import, all or nothing.
 */
export function ImportPlan() {
  const { projectId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const check = useFormControl();
  const commit = useFormControl();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});

  const dryRun = (data: FormData, _form: HTMLFormElement, fields: FormCheck) => {
    const chosen = data.get('file');
    if (chosen instanceof File && chosen.size > 0 && !/\.xlsx$/i.test(chosen.name)) fields.refuse('file', 'Filen må være et Excel-regneark (.xlsx).');
    if (!(chosen instanceof File) || chosen.size === 0 || !fields.ok) return check.fail(fields.errors);
    return check.run(async () => {
      setReport(null);
      setAnswers({});
      const answer = await api.projects.importPlan(projectId, chosen, { dryRun: true });
      setFile(chosen);
      setReport(answer);
    });
  };

  const importNow = (data: FormData, _form: HTMLFormElement, fields: FormCheck) => {
    if (!file || !report) return;
    const units: Record<string, string> = {};
    report.questions.forEach((question, index) => {
      const value = data.get(`unit.${index}`);
      if (typeof value === 'string' && value) units[question.value] = value;
      else fields.refuse(`unit.${index}`, `Velg hvilken enhet «${question.value}» er.`);
    });
    if (!fields.ok) return commit.fail(fields.errors);
    return commit.run(async () => {
      const answer = await api.projects.importPlan(projectId, file, { dryRun: false, units });
      if (!answer.ok) {
        setReport(answer);
        return;
      }
      void navigate(`/prosjekter/${projectId}`, { state: { imported: answer.benefitIds.length, unchanged: answer.unchanged } });
    });
  };

  const blocked = !!report && report.problems.length > 0;
  return (
    <Page
      title="Importer gevinstrealiseringsplan"
      intro={project.data && (
        <p>
          Til prosjektet <Link to={`/prosjekter/${projectId}`}>{project.data.name}</Link>. Bruk <a href={api.downloads.template()} download>malen for gevinstrealiseringsplan (XLSX)</a>.
          Filen kontrolleres først; ingenting lagres før du velger «Importer», og da lagres alle radene eller ingen.
        </p>
      )}
    >
      <Busy loading={project.loading} error={project.error} hasData={!!project.data} label="Laster prosjektet …">
        <Form control={check} prefix="fil" label="Kontroller regneark" submitLabel="Kontroller filen" busyLabel="Kontrollerer …" onSubmit={dryRun}>
          <TextField name="file" label="Utfylt gevinstrealiseringsplan (.xlsx)" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </Form>

        {report && (
          <section aria-labelledby="kontroll">
            <h2 id="kontroll">Resultat av kontrollen{file ? ` av ${file.name}` : ''}</h2>
            <p role="status">
              {report.benefits} {report.benefits === 1 ? 'gevinst' : 'gevinster'} i filen
              {report.unchanged > 0 ? `, ${report.unchanged} finnes allerede i prosjektet og blir ikke endret` : ''}.
              {' '}{report.problems.length === 0 ? 'Ingen feil.' : `${report.problems.length} feil må rettes i regnearket før det kan importeres.`}
            </p>
            {report.warnings.length > 0 && (
              <div className="alert"><ul>{report.warnings.map((w) => <li key={w}>{w}</li>)}</ul></div>
            )}
            {report.problems.length > 0 && (
              <TableWrap label="Feil i regnearket">
                <table className="problems">
                  <caption>Feil i regnearket – rett dem og kontroller filen på nytt</caption>
                  <thead><tr><th scope="col">Ark</th><th scope="col">Rad</th><th scope="col">Kolonne</th><th scope="col">Celle</th><th scope="col">Melding</th></tr></thead>
                  <tbody>
                    {report.problems.map((problem, index) => (
                      <tr key={index}>
                        <td>{problem.sheet ?? '–'}</td>
                        <td className="num">{problem.row ?? '–'}</td>
                        <td>{problem.column ?? '–'}</td>
                        <td>{problem.cell ?? '–'}</td>
                        <td>{problem.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {blocked && report.questions.length > 0 && (
              <>
                <h3>Enhetsnavn som passer med flere enheter</h3>
                <p>Når feilene er rettet, velger du her hvilken enhet som menes:</p>
                <ul>
                  {report.questions.map((question) => (
                    <li key={question.value}>
                      «{question.value}» ({question.sheet}, rad {question.rows.join(', ')}): {[...question.candidates].sort((a, b) => a.path.localeCompare(b.path, 'nb')).map((c) => c.path).join(' eller ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {!blocked && (
              <Form control={commit} prefix="import" label="Importer gevinstene" submitLabel="Importer" busyLabel="Importerer …" onSubmit={importNow}>
                {report.questions.length > 0 && (
                  <fieldset className="group">
                    <legend>Hvilken enhet mener regnearket?</legend>
                    {report.questions.map((question, index) => (
                      <SelectField
                        key={question.value}
                        name={`unit.${index}`}
                        label={`«${question.value}» (${question.sheet}, ${question.column}, rad ${question.rows.join(', ')})`}
                        hint={`${question.candidates.length} enheter har dette navnet.`}
                        placeholder="Velg enhet"
                        value={answers[question.value] ?? ''}
                        onChange={(event) => setAnswers({ ...answers, [question.value]: event.target.value })}
                        options={[...question.candidates].sort((a, b) => a.path.localeCompare(b.path, 'nb')).map((c) => ({ value: c.unitId, label: `${c.path}${c.orgNumber ? ` (org.nr. ${c.orgNumber})` : ''}` }))}
                        required
                      />
                    ))}
                  </fieldset>
                )}
              </Form>
            )}
          </section>
        )}
      </Busy>
    </Page>
  );
}

