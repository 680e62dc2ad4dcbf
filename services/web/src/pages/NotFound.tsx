import { Link } from 'react-router-dom';
import { Page } from '../components/Page';

export function NotFound() {
  return (
    <Page title="Fant ikke siden">
      <p>Adressen finnes ikke i Gevinst. <Link to="/">Gå til forsiden</Link>.</p>
    </Page>
  );
}
