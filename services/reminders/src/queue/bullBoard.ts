import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';

/** An express router (typed loosely so this package does not need express' types). */
export type AdminRouter = ((req: any, res: any, next: any) => void) & { use: (...args: any[]) => unknown };

/** bull-board over the reminder queue, for operators: inspect and retry failed jobs. */
export const bullBoardRouter = (queue: Queue, basePath = '/admin/queues'): AdminRouter => {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter });
  return serverAdapter.getRouter() as AdminRouter;
};
