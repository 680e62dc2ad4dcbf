import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/** A page: sets the document title and moves focus to the heading after in-app navigation. */
export function Page({ title, intro, children, actions }: { title: string; intro?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Gevinst`;
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {intro && <div className="intro">{intro}</div>}
      {children}
    </>
  );
}
