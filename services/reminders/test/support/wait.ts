/** Polls until `check` is truthy; fails after `timeoutMs` with the message. Every wait in the tests is bounded. */
export const waitFor = async <T>(check: () => T | Promise<T>, message: string, timeoutMs = 15_000, intervalMs = 25): Promise<NonNullable<T>> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
