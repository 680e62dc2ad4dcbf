import { parentPort } from 'node:worker_threads';
import { excel } from '../excel';
import type { UploadLimits } from './limits';
import { readUploadedPlan } from './readInWorker';

const port = parentPort;
if (!port) throw new Error('parseWorker.ts runs only as a worker thread');
// loaded as the worker starts, not within a plan's time limit
excel();

// one plan at a time: the parser sends the next only after this one's answer
port.on('message', ({ bytes, limits }: { bytes: Uint8Array; limits: UploadLimits }) => {
  void readUploadedPlan(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits).then((answer) => port.postMessage(answer));
});
