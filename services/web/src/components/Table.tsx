import type { ReactNode } from 'react';

/** A table that scrolls sideways on narrow screens; the scroll area is focusable and named for keyboard users. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
