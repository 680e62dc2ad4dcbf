/** The reminders' notion of "now" (epoch ms). A fake clock lets tests and the benchmark drive time. */
export interface Clock {
  now(): number;
  /**
   * Fake clocks only: called after each jump, awaited by `advance`. Real clocks never jump, so
   * queues rely on their own timers instead.
   */
  onAdvance?(listener: (now: number) => Promise<void> | void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

export class FakeClock implements Clock {
  private current: number;
  private readonly listeners = new Set<(now: number) => Promise<void> | void>();

  constructor(start: string | number | Date) {
    this.current = toMillis(start);
  }

  now(): number {
    return this.current;
  }

  onAdvance(listener: (now: number) => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves time forward (never back) and lets the queues release what fell due. */
  async advanceTo(to: string | number | Date): Promise<void> {
    const target = toMillis(to);
    if (target < this.current) throw new Error(`FakeClock: cannot go back from ${new Date(this.current).toISOString()} to ${new Date(target).toISOString()}`);
    this.current = target;
    for (const listener of [...this.listeners]) await listener(target);
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }
}

const toMillis = (t: string | number | Date): number => {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`Not a time: ${String(t)}`);
  return ms;
};
