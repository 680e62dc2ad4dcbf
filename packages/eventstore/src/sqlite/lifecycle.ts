/** Whether the store is still open: every operation but `close` refuses to run on a closed store. */
export interface Lifecycle {
  readonly closed: boolean;
  assertOpen(): void;
  markClosed(): void;
}

export const lifecycle = (): Lifecycle => {
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    assertOpen() {
      if (closed) throw new Error('The event store is closed');
    },
    markClosed() {
      closed = true;
    },
  };
};
