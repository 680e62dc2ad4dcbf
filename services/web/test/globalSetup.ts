import { buildUi } from '../build';

/** The API serves services/web/dist; a fresh clone has none, so build it once before the browser tests (reused when the sources are unchanged). */
export default async function setup() {
  await buildUi();
}
