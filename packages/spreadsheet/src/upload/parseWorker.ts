import { parentPort } from 'node:worker_threads';
import type { UploadLimits } from './limits';
import { readUploadedPlan } from './readInWorker';

// one plan at a time: the parser sends the next only after this one's answer
parentPort!.on('message', async ({ bytes, limits }: { bytes: Uint8Array; limits: UploadLimits }) => {
  const answer = await readUploadedPlan(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  parentPort!.postMessage(answer);
});
