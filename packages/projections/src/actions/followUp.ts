import type { BenefitAction, BenefitRisk, MatrixRisk, MyAction, RiskAssessment, RiskMatrix } from '@gevinst/domain/answers';
import { isActionOverdue, riskLevel, riskScore } from '@gevinst/domain/status';
import type { PortfolioModel } from '../projects/PortfolioModel';
import type { ActionFact, AssessmentFact, FollowUpModel, RiskFact } from './FollowUpModel';

const actionView = (a: ActionFact, today: string): BenefitAction => ({ ...a, added: { ...a.added }, updated: { ...a.updated }, overdue: isActionOverdue(a, today) });

const assessmentView = (a: AssessmentFact): RiskAssessment => {
  const score = riskScore(a.probability, a.consequence);
  return { threat: a.threat, probability: a.probability, consequence: a.consequence, score, level: riskLevel(score), mitigation: a.mitigation, assessed: { ...a.assessed } };
};

const riskView = (r: RiskFact): BenefitRisk => {
  const history = r.assessments.map(assessmentView);
  const latest = history[history.length - 1] as RiskAssessment;
  return { ...latest, riskId: r.riskId, benefitId: r.benefitId, closed: r.closedReason !== null, closedReason: r.closedReason, history };
};

/** overdue first, then by deadline, then by title */
const byUrgency = (a: BenefitAction, b: BenefitAction): number =>
  Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title, 'nb');

export const benefitActions = (model: FollowUpModel, benefitId: string, today: string): BenefitAction[] =>
  model.actionsOf(benefitId).map((a) => actionView(a, today)).sort(byUrgency);

/** open risks first, highest score first */
export const benefitRisks = (model: FollowUpModel, benefitId: string): BenefitRisk[] =>
  model
    .risksOf(benefitId)
    .map(riskView)
    .sort((a, b) => Number(a.closed) - Number(b.closed) || b.score - a.score || a.threat.localeCompare(b.threat, 'nb'));

const onBenefit = (portfolio: PortfolioModel, benefitId: string) => {
  const b = portfolio.benefits.get(benefitId);
  if (!b) return null;
  const project = b.projectId ? portfolio.projects.get(b.projectId) : undefined;
  return {
    benefit: b,
    facts: { benefitTitle: b.title, benefitOwner: b.owner, projectId: b.projectId, projectName: project?.name ?? null, recipientUnitId: b.recipientUnitId },
  };
};

/**
 * A person's actions: those they own, and those on benefits they own, of benefits still pursued;
 * overdue first. Done and cancelled actions are listed after the open ones only with `all`.
 */
export const actionsOfPerson = (model: FollowUpModel, portfolio: PortfolioModel, person: string, today: string): MyAction[] => {
  const who = person.trim().toLowerCase();
  const out: MyAction[] = [];
  for (const a of model.actions.values()) {
    const on = onBenefit(portfolio, a.benefitId);
    if (!on || on.benefit.cancelled) continue;
    if (a.owner.toLowerCase() !== who && on.benefit.owner?.toLowerCase() !== who) continue;
    out.push({ ...actionView(a, today), ...on.facts });
  }
  const open = (s: string) => (s === 'planned' || s === 'inProgress' ? 0 : 1);
  return out.sort((a, b) => open(a.status) - open(b.status) || byUrgency(a, b));
};

/** The open risks of live benefits whose recipient unit `inScope` accepts, in a 5×5 matrix (probability 5 first). */
export const riskMatrix = (model: FollowUpModel, portfolio: PortfolioModel, inScope: (unitId: string) => boolean): RiskMatrix => {
  const cells: RiskMatrix['cells'] = [];
  for (let probability = 5; probability >= 1; probability--)
    for (let consequence = 1; consequence <= 5; consequence++) {
      const score = riskScore(probability, consequence);
      cells.push({ probability, consequence, score, level: riskLevel(score), count: 0, risks: [] });
    }
  let total = 0;
  for (const r of model.risks.values()) {
    if (r.closedReason !== null) continue;
    const on = onBenefit(portfolio, r.benefitId);
    if (!on || on.benefit.cancelled || !inScope(on.benefit.recipientUnitId)) continue;
    const { history: _history, ...risk } = riskView(r);
    const matrixRisk: MatrixRisk = { ...risk, ...on.facts };
    const cell = cells[(5 - risk.probability) * 5 + (risk.consequence - 1)];
    if (!cell) continue;
    cell.risks.push(matrixRisk);
    cell.count++;
    total++;
  }
  for (const cell of cells) cell.risks.sort((a, b) => a.benefitTitle.localeCompare(b.benefitTitle, 'nb'));
  return { cells, total };
};
