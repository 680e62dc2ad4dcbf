import type { EventStore } from '@gevinst/eventstore';
import type { Application, HandleRequest } from '../application/handle';
import { EMBEDDED_ACCOUNTS } from '../auth/embeddedAccounts';
import { benefitMaps } from './benefitMaps';
import { goals, loadDemoGoals } from './goals';
import { finance, hourlyRates, merger, PLAN_PERIODS, planApprovals, projects, reorganisation, units } from './municipality';
import { loadDemoCalendar } from './calendar';

/** the demo's events carry this userId (the reminders do not mail what was late in its history) */
export const DEMO_USER = 'demo@fjordvik.kommune.no';

/** quantities as a person would type them: at most two decimals */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Loads Fjordvik kommune through the application layer (so it is valid by construction) when the
 * store is empty. Every command carries an idempotency key `demo:<n>`, so a load that stopped
 * half-way finishes on the next start without writing anything twice. Returns how many commands
 * ran, or 0 when nothing was loaded.
 */
export const loadDemo = async (application: Application, store: EventStore): Promise<number> => {
  const first = await store.readAll({ maxCount: 1 });
  const demoStarted = first[0]?.metadata?.userId === DEMO_USER;
  if (first.length > 0 && !demoStarted) return 0;

  let n = 0;
  const send = (command: string, input: unknown, targetId?: string) =>
    application.handle({ command, input, targetId, userId: DEMO_USER, idempotencyKey: `demo:${n++}` } satisfies HandleRequest);
  const ids = new Map<string, string>();
  const lookup = (prefix: string) => (key: string) => {
    const value = ids.get(prefix + key);
    if (!value) throw new Error(`demo: unknown key ${prefix}${key}`);
    return value;
  };
  const id = lookup('unit:');
  const projectOf = lookup('project:');
  const benefitOf = lookup('benefit:');

  for (const u of units) {
    const { id: unitId } = await send('registerUnit', {
      name: u.name,
      parentId: u.parent ? id(u.parent) : null,
      orgNumber: u.orgNumber ?? null,
      leader: u.leader ?? null,
    });
    ids.set(`unit:${u.key}`, unitId);
  }
  for (const rate of hourlyRates) await send('setHourlyRate', { year: rate.year, rateOre: rate.rateOre, source: rate.source }, id(rate.unit));

  for (const p of projects) {
    const { id: projectId } = await send('registerProject', { name: p.name, ownerUnitId: id(p.owner), projectLeader: p.leader });
    ids.set(`project:${p.key}`, projectId);
    for (const c of p.costs)
      await send('recordCost', { payerUnitId: id(c.payer), amountOre: c.amountOre, period: c.period, kind: c.kind, description: c.description }, projectId);
    if (p.phase) {
      await send('changeProjectPhase', { phase: 'execution' }, projectId);
      if (p.phase === 'realisation') await send('changeProjectPhase', { phase: 'realisation' }, projectId);
    }
    for (const b of p.benefits) {
      const plan = PLAN_PERIODS.map((period, i) => ({ period, quantity: b.perTertial[i] ?? 0 })).filter((e) => e.quantity > 0);
      const { id: benefitId } = await send(
        'planBenefit',
        {
          title: b.title,
          recipientUnitId: id(b.recipient),
          owner: b.owner,
          indicator: b.indicator,
          unitOfMeasure: b.unitOfMeasure,
          direction: b.direction,
          category: b.category,
          cashReleasing: b.cashReleasing,
          valuationOrePerUnit: b.valuationOrePerUnit,
          baseline: b.baseline ?? null,
          target: b.target ?? null,
          targetDate: b.targetDate ?? null,
          plan,
        },
        projectId,
      );
      ids.set(`benefit:${b.key}`, benefitId);
      if (b.baseline !== undefined) await send('recordBaseline', { value: b.baseline, measuredOn: '2024-12-31' }, benefitId);
      for (const [i, share] of b.realised.entries()) {
        const quantity = round2((b.perTertial[i] ?? 0) * share);
        const period = PLAN_PERIODS[i];
        if (quantity <= 0 || period === undefined) continue;
        await send(
          'recordRealisation',
          { period, quantity, comment: `Rapportert for ${period}` },
          benefitId,
        );
      }
      for (const m of b.measurements ?? []) await send('recordMeasurement', { value: m.value, measuredOn: m.measuredOn }, benefitId);
    }
  }

  const { correction, withdrawal, settlement, cancelled, unplanned } = finance;
  const corrected = projects.flatMap((p) => p.benefits).find((b) => b.key === correction.benefit);
  if (!corrected) throw new Error(`the demo corrects a benefit it does not plan: ${correction.benefit}`);
  await send(
    'correctRealisation',
    { period: correction.period, quantity: round2((corrected.perTertial[0] ?? 0) * (corrected.realised[0] ?? 0) * correction.factor), reason: correction.reason },
    benefitOf(correction.benefit),
  );
  await send('recordWithdrawal', { period: withdrawal.period, amountOre: withdrawal.amountOre, saksnummer: withdrawal.saksnummer, comment: withdrawal.comment }, benefitOf(withdrawal.benefit));
  if (application.commandNames.includes('recordSettlement'))
    await send('recordSettlement', {
      fromUnitId: id(settlement.from),
      toUnitId: id(settlement.to),
      amountOre: settlement.amountOre,
      period: settlement.period,
      saksnummer: settlement.saksnummer,
      projectId: projectOf(settlement.project),
      comment: settlement.comment,
    });
  await send('cancelBenefit', { reason: cancelled.reason }, benefitOf(cancelled.benefit));
  await send('recordUnplannedBenefit', {
    projectId: projectOf(unplanned.project),
    title: unplanned.title,
    recipientUnitId: id(unplanned.recipient),
    category: unplanned.category,
    period: unplanned.period,
    quantity: unplanned.quantity,
    unitOfMeasure: unplanned.unitOfMeasure,
    valueOre: unplanned.valueOre,
    description: unplanned.description,
  });

  // reorganisation and merger last: the history stays under the old units and rolls up
  await send('renameUnit', { name: reorganisation.rename.name }, id(reorganisation.rename.unit));
  await send('moveUnit', { newParentId: id(reorganisation.move.newParent), effectiveDate: reorganisation.move.effectiveDate }, id(reorganisation.move.unit));
  await send('mergeUnits', {
    mergedUnitIds: merger.merged.map(id),
    successorName: merger.successorName,
    parentId: id(merger.parent),
    effectiveDate: merger.effectiveDate,
  });

  // the embedded login's people get their roles as events (the administrator's comes from their group)
  for (const account of EMBEDDED_ACCOUNTS)
    if (account.unit && account.roleHint !== 'benefit-owner')
      await send('grantRole', { personId: account.email, role: account.roleHint, unitId: id(account.unit), reason: 'Demokommunen' });

  // plan versions last, so the keys of what came before stay as they were
  for (const approval of planApprovals)
    for (const p of projects)
      if (p.phase && (approval.phases as readonly string[]).includes(p.phase))
        for (const b of p.benefits)
          if (b.key !== cancelled.benefit)
            await send('approveBenefitPlan', { decisionPoint: approval.decisionPoint, note: approval.note }, benefitOf(b.key));

  // the gevinstkart, after everything else for the same reason
  for (const map of benefitMaps) {
    const projectId = projectOf(map.project);
    const nodeOf = lookup(`node:${map.project}:`);
    for (const node of map.nodes) {
      const { id: nodeId } = await send('addMapNode', { kind: node.kind, label: node.label, benefitId: node.benefit ? benefitOf(node.benefit) : null }, projectId);
      ids.set(`node:${map.project}:${node.key}`, nodeId);
    }
    for (const [from, to, assumption] of map.edges) await send('addMapEdge', { from: nodeOf(from), to: nodeOf(to), assumption }, projectId);
  }
  // the målstruktur, its results up to this year, and the benefits and projects that serve each goal
  const goalIds = await loadDemoGoals(send, { unit: id, project: projectOf, benefit: benefitOf });
  // the gevinstkart's goal nodes joined to the registered goals, named as they are
  for (const map of benefitMaps)
    for (const node of map.nodes)
      if (node.goal) {
        const goal = goals.find((g) => g.key === node.goal);
        const goalId = goalIds.get(node.goal);
        if (!goal || !goalId) throw new Error(`demo: the map of ${map.project} names an unknown goal ${node.goal}`);
        await send('changeMapNode', { nodeId: lookup(`node:${map.project}:`)(node.key), goalId, label: goal.title }, projectOf(map.project));
      }
  // the årshjul: Fjordvik's own tertial and budget dates
  await loadDemoCalendar(send);
  return n;
};
