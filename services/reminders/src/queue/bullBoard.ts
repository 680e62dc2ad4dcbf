import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An express router as a plain request handler (so this package does not need express' types). */
export type AdminRouter = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** bull-board over the reminder queue, for operators: inspect and retry failed jobs. */
export const bullBoardRouter = (queue: Queue, basePath = '/admin/queues'): AdminRouter => {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter });
  // @bull-board/express types getRouter() as `any`; it is an express Router
  return serverAdapter.getRouter() as AdminRouter;
};
