import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useAllBenefits } from '../../hooks/useAllBenefits';
import { useUnits } from '../../hooks/useUnits';
import { formatKr, formatKrExact } from '../../format/money';
import { todayIso } from '../../format/date';
import { tertialOf } from '../../format/period';

/** Gevinstuttak: finance takes a realised cash-releasing gain out of the recipient unit's budget. */
export function WithdrawalPage() {
  const [params] = useSearchParams();
  const all = useAllBenefits();
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const [benefitId, setBenefitId] = useState(params.get('gevinst') ?? '');
  const candidates = (all.data ?? []).filter(({ benefit }) => !benefit.cancelled);
  const chosen = candidates.find(({ benefit }) => benefit.id === benefitId)?.benefit;
  const withdrawable = (benefit: { cashReleasing: boolean; category: string }) => benefit.cashReleasing && benefit.category === 'budget';
  const realisedCash = chosen && withdrawable(chosen) ? chosen.realisations.reduce((sum, r) => sum + r.valueOre, 0) : 0;
  const withdrawn = chosen?.withdrawals.reduce((sum, w) => sum + w.amountOre, 0) ?? 0;

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const amountOre = check.kr('amountOre', { example: '50 000' });
    const period = check.period('period');
    if (amountOre === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.benefits.recordWithdrawal(benefitId, {
        period: period ?? '',
        amountOre,
        saksnummer: text(data, 'saksnummer'),
        comment: text(data, 'comment'),
      });
      void navigate(`/gevinster/${benefitId}`);
    });
  };

  return (
    <Page title="Registrer gevinstuttak" intro={<p>Et uttak tar realisert, budsjettmessig gevinst ut av mottakerens budsjett, med vedtakets saksnummer. Det kan bare gjelde gevinst realisert i uttakets periode eller tidligere, og en gevinst kan bare tas ut én gang. <Link to="/okonomi">Til gevinstregnskapet</Link></p>}>
      <Busy loading={all.loading} error={all.error} hasData={!!all.data} label="Laster gevinstene …">
        <Form control={control} onSubmit={submit} submitLabel="Registrer gevinstuttak" label="Gevinstuttak">
          <SelectField
            name="benefitId"
            label="Gevinst"
            required
            value={benefitId}
            onChange={(e) => setBenefitId(e.target.value)}
            placeholder="Velg gevinst"
            options={candidates.map(({ benefit, project }) => ({
              value: benefit.id,
              label: `${benefit.title} – ${units.name(benefit.recipientUnitId)} (${project.name})${withdrawable(benefit) ? '' : ' – ikke budsjettmessig'}`,
            }))}
          />
          {chosen && (
            <p className="hint" role="status">
              Realisert budsjettmessig: {formatKr(realisedCash)}. Tatt ut før: {formatKr(withdrawn)}. Igjen: {formatKrExact(realisedCash - withdrawn)}.
            </p>
          )}
          <div className="row">
            <TextField name="period" label="Periode" required defaultValue={tertialOf(todayIso())} hint="F.eks. 2026-T2 eller 2026" />
            <TextField name="amountOre" label="Beløp (kr)" inputMode="decimal" required />
            <TextField name="saksnummer" label="Saksnummer" required hint="Vedtakets saksnummer, f.eks. 26/01234" />
          </div>
          <TextArea name="comment" label="Kommentar" />
        </Form>
      </Busy>
    </Page>
  );
}
