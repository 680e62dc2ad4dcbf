import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

/** A page: sets the document title and moves focus to the heading after in-app navigation. */
export function Page({ title, intro, children, actions }: { title: string; intro?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – Gevinst`;
  }, [title]);
  // the first page of a visit keeps the browser's focus (so the skip link is the first Tab stop)
  useEffect(() => {
    if (location.key !== 'default') heading.current?.focus();
  }, [location.key]);
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
