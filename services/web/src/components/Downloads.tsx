/** Files to download: plain links with `download`, so the browser saves what the API sends. */
export function Downloads({ title, id, links }: { title: string; id: string; links: { href: string; label: string; format: 'XLSX' | 'CSV' }[] }) {
  return (
    <section aria-labelledby={id} className="downloads">
      <h2 id={id}>{title}</h2>
      <ul className="download-list">
        {links.map((link) => (
          <li key={link.href}>
            <a className="button secondary small" href={link.href} download>
              <span aria-hidden="true">⤓ </span>{link.label} <span className="format">({link.format})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
