import { Link } from 'react-router-dom';
import { Page } from '../components/Page';

const roles = [
  { title: 'Prosjektleder', text: 'Registrer prosjekter, kostnader per enhet som betaler, og planlagte gevinster med nullpunkt og mål.', to: '/prosjekter', action: 'Til prosjektene' },
  { title: 'Gevinsteier', text: 'Se hva som skal rapporteres og hva som er forfalt, og registrer målinger og realiserte gevinster.', to: '/mine-gevinster', action: 'Til mine gevinster' },
  { title: 'Økonomi', text: 'Se hvem som betaler og hvem som får gevinsten, ubalanser, gevinstuttak og avregninger.', to: '/okonomi', action: 'Til gevinstregnskapet' },
  { title: 'Ledelse', text: 'Målekortet for porteføljen: ønsket, akseptabelt eller uakseptabelt per enhet og periode.', to: '/ledelse', action: 'Til målekortet' },
];

export function Home() {
  return (
    <Page title="Gevinstrealisering" intro={<p>Hvem investerte, hvem fikk gevinsten, og hva er tatt ut av budsjettet? Velg det du skal gjøre.</p>}>
      <ul className="cards">
        {roles.map((role) => (
          <li key={role.title} className="card">
            <h2>{role.title}</h2>
            <p>{role.text}</p>
            <Link to={role.to} className="button">{role.action}</Link>
          </li>
        ))}
        <li className="card">
          <h2>Enheter</h2>
          <p>Organisasjonstreet med omorganiseringer: flytt, nytt navn og sammenslåing, med historikk.</p>
          <Link to="/enheter" className="button">Til enhetene</Link>
        </li>
      </ul>
    </Page>
  );
}
