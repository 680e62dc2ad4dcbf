import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type BenefitMapView, type MapNodeKind, type MapNodeView } from '../../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl } from '../../../components/Form';
import { Busy } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { StatusBadge } from '../../../components/Status';
import { formatKr } from '../../../format/money';
import { formatNumber } from '../../../format/number';
import { useApi } from '../../../hooks/useApi';
import { pngOf, svgFile } from './exportMap';
import { columns, layoutMap } from './layout';
import { kindLabel, MapSvg, nodeName, statusLine } from './MapSvg';
import './BenefitMap.css';

export const benefitMapPath = (projectId: string) => `/prosjekter/${encodeURIComponent(projectId)}/gevinstkart`;

const focusNode = (nodeId: string) =>
  requestAnimationFrame(() => document.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(nodeId)}"]`)?.focus());

/** `/prosjekter/:projectId/gevinstkart`: the project's gevinstkart, drawn, edited and exported. */
export function BenefitMapPage() {
  const { projectId = '' } = useParams();
  const map = useApi(() => api.benefitMap.get(projectId), [projectId]);
  const [selected, setSelected] = useState<string | null>(null);
  const view = map.data;
  const layout = useMemo(() => (view ? layoutMap(view) : null), [view]);
  const svg = useRef<SVGSVGElement>(null);
  const [files, setFiles] = useState<{ svg: string; png: string | null } | null>(null);
  const title = view ? `Gevinstkart for ${view.projectName}` : 'Gevinstkart';
  const selectedNode = view?.nodes.find((n) => n.nodeId === selected) ?? null;
  const flagged = useMemo(() => new Set([...(view?.flags.benefitsWithoutGoal ?? []), ...(view?.flags.changesWithoutBenefit ?? [])]), [view]);

  // the download links: the SVG as drawn, and a PNG drawn from it on a canvas
  useEffect(() => {
    if (!layout || !svg.current) return;
    const element = svg.current;
    const source = svgFile(element);
    const svgUrl = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    let pngUrl: string | null = null;
    let alive = true;
    setFiles({ svg: svgUrl, png: null });
    pngOf(source, element.width.baseVal.value, element.height.baseVal.value).then(
      (blob) => {
        if (!alive) return;
        pngUrl = URL.createObjectURL(blob);
        setFiles({ svg: svgUrl, png: pngUrl });
      },
      () => undefined,
    );
    return () => {
      alive = false;
      URL.revokeObjectURL(svgUrl);
      if (pngUrl) URL.revokeObjectURL(pngUrl);
    };
  }, [layout]);

  const open = (nodeId: string) => setSelected(nodeId);
  const close = () => {
    const was = selected;
    setSelected(null);
    if (was) focusNode(was);
  };
  const fileName = `gevinstkart-${(view?.projectName ?? projectId).toLowerCase().replace(/[^a-z0-9æøå]+/g, '-')}`;

  return (
    <Page
      title={title}
      intro={<p>Kartet viser hvordan prosjektets leveranser gir endringer i arbeidet, som gir gevinster (og ulemper), som bidrar til målene. Hver pil har en forutsetning. Velg en node med musen, eller med Tab og Enter, for å se detaljene og endre den.</p>}
      actions={view && (
        <>
          <Link className="button" to={`/prosjekter/${encodeURIComponent(projectId)}`}>Til prosjektet</Link>{' '}
          {files && <a className="button" href={files.svg} download={`${fileName}.svg`}>Last ned SVG</a>}{' '}
          {files?.png && <a className="button" href={files.png} download={`${fileName}.png`}>Last ned PNG</a>}
        </>
      )}
    >
      <Busy loading={map.loading} error={map.error} hasData={!!view} label="Laster gevinstkartet …">
        {view && layout && (
          <>
            <Flags view={view} onOpen={(id) => { open(id); focusNode(id); }} />
            <figure className="map-figure">
              <div className="map-scroll table-wrap">
                <MapSvg ref={svg} layout={layout} title={title} selected={selected} flagged={flagged} onOpen={open} />
              </div>
              <figcaption>{view.nodes.length === 0 ? 'Kartet er tomt. Legg til en leveranse for å begynne.' : `${view.nodes.length} noder og ${view.edges.length} koblinger. Tallene på pilene viser til forutsetningene under kartet.`}</figcaption>
            </figure>
            {selectedNode && <NodeDetails key={selectedNode.nodeId} view={view} node={selectedNode} onChanged={map.reload} onClose={close} onRemoved={() => setSelected(null)} />}
            {view.editable && <AddNode view={view} onAdded={(nodeId) => { map.reload(); setSelected(nodeId); }} />}
            <MapAsList view={view} onOpen={(id) => { open(id); focusNode(id); }} />
          </>
        )}
      </Busy>
    </Page>
  );
}

function Flags({ view, onOpen }: { view: BenefitMapView; onOpen: (nodeId: string) => void }) {
  const named = (ids: string[]) => ids.map((id) => view.nodes.find((n) => n.nodeId === id)).filter((n): n is MapNodeView => !!n);
  const lists = [
    { title: 'Gevinster uten vei til et mål', nodes: named(view.flags.benefitsWithoutGoal) },
    { title: 'Endringer uten gevinst', nodes: named(view.flags.changesWithoutBenefit) },
  ];
  if (view.nodes.length === 0) return null;
  if (lists.every((l) => l.nodes.length === 0))
    return <div className="alert alert-ok" role="status"><p>Kartet er sammenhengende: alle endringer fører til en gevinst, og alle gevinster fører til et mål.</p></div>;
  return (
    <section className="map-flags alert alert-warning" aria-labelledby="map-flags-title">
      <h2 id="map-flags-title">Dette mangler i kartet</h2>
      {lists.filter((l) => l.nodes.length > 0).map((l) => (
        <div key={l.title}>
          <h3>{l.title}</h3>
          <ul>{l.nodes.map((n) => <li key={n.nodeId}><button type="button" className="map-link-button" onClick={() => onOpen(n.nodeId)}>{n.label}</button></li>)}</ul>
        </div>
      ))}
    </section>
  );
}

function NodeDetails({ view, node, onChanged, onClose, onRemoved }: { view: BenefitMapView; node: MapNodeView; onChanged: () => void; onClose: () => void; onRemoved: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = (id: string) => view.nodes.find((n) => n.nodeId === id);
  const outgoing = view.edges.filter((e) => e.from === node.nodeId);
  const incoming = view.edges.filter((e) => e.to === node.nodeId);
  const b = node.benefit;
  const edgeControl = useFormControl();
  return (
    <section className="map-details card" aria-labelledby="map-details-title" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="map-details-head">
        <h2 id="map-details-title" tabIndex={-1} ref={heading}>{nodeName(node)}</h2>
        <button type="button" className="button" onClick={onClose}>Lukk</button>
      </div>
      {b && (
        <dl className="facts">
          <div><dt>Status nå</dt><dd><StatusBadge status={b.cancelled ? undefined : (b.status ?? undefined)} label={b.cancelled ? 'Kansellert' : undefined} />{b.statusPeriod ? ` (${b.statusPeriod})` : ''}</dd></div>
          <div><dt>Realisert</dt><dd>{formatNumber(b.realisedQuantity)} {b.unitOfMeasure}; {formatKr(b.realisedOre)} av {formatKr(b.plannedOre)} planlagt i periodene som er vurdert</dd></div>
          <div><dt>Gevinsten</dt><dd><Link to={`/gevinster/${encodeURIComponent(node.benefitId ?? '')}`}>{b.title}</Link></dd></div>
        </dl>
      )}
      {!b && statusLine(node) && <p>{statusLine(node)}</p>}
      <EdgeList title="Fører til" edges={outgoing.map((e) => ({ edge: e, other: name(e.to) }))} view={view} onChanged={onChanged} />
      <EdgeList title="Kommer fra" edges={incoming.map((e) => ({ edge: e, other: name(e.from) }))} view={view} onChanged={onChanged} />
      {view.editable && (
        <>
          <ConnectForm view={view} node={node} control={edgeControl} onConnected={onChanged} />
          <RenameForm view={view} node={node} onRenamed={onChanged} />
          <RemoveNode view={view} node={node} onRemoved={() => { onRemoved(); onChanged(); }} />
        </>
      )}
    </section>
  );
}

function EdgeList({ title, edges, view, onChanged }: { title: string; edges: { edge: BenefitMapView['edges'][number]; other: MapNodeView | undefined }[]; view: BenefitMapView; onChanged: () => void }) {
  const control = useFormControl();
  if (edges.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      {control.message && <div className="alert alert-error" role="alert"><p>{control.message}</p></div>}
      <ul className="map-edges">
        {edges.map(({ edge, other }) => (
          <li key={edge.edgeId}>
            <strong>{other ? nodeName(other) : edge.to}</strong>
            <br />Forutsetning: {edge.assumption}
            {view.editable && (
              <> <button type="button" className="map-link-button" aria-label={`Fjern koblingen til ${other?.label ?? ''}`} onClick={() => void control.run(async () => { await api.benefitMap.removeEdge(view.projectId, edge.edgeId); onChanged(); })}>Fjern koblingen</button></>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ConnectForm({ view, node, control, onConnected }: { view: BenefitMapView; node: MapNodeView; control: ReturnType<typeof useFormControl>; onConnected: () => void }) {
  const kinds = view.directions[node.kind] ?? [];
  const targets = view.nodes.filter((n) => n.nodeId !== node.nodeId && kinds.includes(n.kind) && !view.edges.some((e) => e.from === node.nodeId && e.to === n.nodeId));
  if (targets.length === 0) return <p className="hint">En {kindLabel[node.kind].toLowerCase()} kan føre til {kinds.map((k) => kindLabel[k].toLowerCase()).join(' eller ')}; ingen slik node står ledig i kartet.</p>;
  return (
    <Form
      control={control}
      prefix="kobling"
      label="Koble til en node"
      submitLabel="Koble"
      onSubmit={(data, form, check) => control.submit(check, async () => {
        await api.benefitMap.addEdge(view.projectId, { from: node.nodeId, to: text(data, 'to') ?? '', assumption: text(data, 'assumption') ?? '' });
        form.reset();
        onConnected();
      })}
    >
      <h3>Koble til en node</h3>
      <SelectField name="to" label="Fører til" required placeholder="Velg node" options={targets.map((t) => ({ value: t.nodeId, label: nodeName(t) }))} />
      <TextArea name="assumption" label="Forutsetning" required hint="Hva må være sant for at dette skal føre til det neste?" />
    </Form>
  );
}

function RenameForm({ view, node, onRenamed }: { view: BenefitMapView; node: MapNodeView; onRenamed: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="navn"
      label="Gi nytt navn"
      submitLabel="Lagre navnet"
      onSubmit={(data, _form, check) => control.submit(check, async () => {
        await api.benefitMap.changeNode(view.projectId, node.nodeId, { label: text(data, 'label') ?? '' });
        onRenamed();
      })}
    >
      <h3>Gi nytt navn</h3>
      <TextField name="label" label="Navn" required defaultValue={node.label} />
    </Form>
  );
}

function RemoveNode({ view, node, onRemoved }: { view: BenefitMapView; node: MapNodeView; onRemoved: () => void }) {
  const [asking, setAsking] = useState(false);
  const control = useFormControl();
  if (!asking) return <p><button type="button" className="button danger" onClick={() => setAsking(true)}>Fjern noden</button></p>;
  return (
    <div className="alert alert-warning" role="alert">
      <p>Fjerne «{node.label}» og koblingene til og fra den?</p>
      {control.message && <p>{control.message}</p>}
      <p>
        <button type="button" className="button danger" autoFocus onClick={() => void control.run(async () => { await api.benefitMap.removeNode(view.projectId, node.nodeId); onRemoved(); })}>Ja, fjern noden</button>{' '}
        <button type="button" className="button" onClick={() => setAsking(false)}>Avbryt</button>
      </p>
    </div>
  );
}

function AddNode({ view, onAdded }: { view: BenefitMapView; onAdded: (nodeId: string) => void }) {
  const control = useFormControl();
  const [kind, setKind] = useState<MapNodeKind>('delivery');
  const benefits = view.unmappedBenefits.filter((b) => b.disbenefit === (kind === 'disbenefit'));
  const standsForBenefit = kind === 'benefit' || kind === 'disbenefit';
  return (
    <section className="card map-add" aria-labelledby="map-add-title">
      <h2 id="map-add-title">Legg til en node</h2>
      <Form
        control={control}
        prefix="node"
        label="Legg til en node"
        submitLabel="Legg til"
        onSubmit={(data, form, check) => {
          const benefitId = standsForBenefit ? (text(data, 'benefitId') ?? null) : null;
          const label = text(data, 'label') ?? undefined;
          if (!label && !benefitId) check.errors.label = 'Må fylles ut';
          return control.submit(check, async () => {
            const { id } = await api.benefitMap.addNode(view.projectId, { kind, label, benefitId });
            form.reset();
            onAdded(id);
          });
        }}
      >
        <SelectField name="kind" label="Type" value={kind} onChange={(e) => setKind(e.target.value as MapNodeKind)} options={columns.flatMap((c) => c.kinds).map((k) => ({ value: k, label: kindLabel[k] }))} />
        {standsForBenefit && (
          <SelectField
            name="benefitId"
            label={kind === 'benefit' ? 'Prosjektets gevinst' : 'Prosjektets ulempe'}
            placeholder="Ingen (ikke planlagt ennå)"
            hint="Velg en planlagt gevinst for å vise status og realisering i kartet."
            options={benefits.map((b) => ({ value: b.benefitId, label: b.title }))}
          />
        )}
        <TextField name="label" label="Navn" hint={standsForBenefit ? 'Tomt: gevinstens tittel' : undefined} />
      </Form>
    </section>
  );
}

/** The map as text, column by column: the same facts as the drawing, reflowed for narrow screens and screen readers. */
function MapAsList({ view, onOpen }: { view: BenefitMapView; onOpen: (nodeId: string) => void }) {
  if (view.nodes.length === 0) return null;
  const label = (id: string) => view.nodes.find((n) => n.nodeId === id)?.label ?? id;
  return (
    <section aria-labelledby="map-list-title">
      <h2 id="map-list-title">Kartet som liste</h2>
      <div className="map-list">
        {columns.map((c) => {
          const nodes = view.nodes.filter((n) => c.kinds.includes(n.kind));
          return (
            <div key={c.title}>
              <h3>{c.title}</h3>
              {nodes.length === 0 ? <p>Ingen ennå.</p> : (
                <ul>
                  {nodes.map((n) => (
                    <li key={n.nodeId}>
                      <button type="button" className="map-link-button" onClick={() => onOpen(n.nodeId)}>{nodeName(n)}</button>
                      {statusLine(n) && <> – {statusLine(n)}</>}
                      {view.edges.filter((e) => e.from === n.nodeId).map((e) => <div key={e.edgeId} className="hint">→ {label(e.to)} (forutsetning: {e.assumption})</div>)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
