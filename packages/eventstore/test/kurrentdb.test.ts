import { openKurrentDbEventStore } from '../src/kurrentdb';
import { eventStoreContract } from './contract';

const url = process.env.EVENTSTORE_URL?.trim();
if (!url)
  console.warn(
    '[eventstore] KurrentDB contract suite SKIPPED: EVENTSTORE_URL is not set. ' +
      'Start infra/compose.yaml and run with EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false to run it.',
  );

eventStoreContract('KurrentDB', () => openKurrentDbEventStore({ connectionString: url! }), { skip: !url });
