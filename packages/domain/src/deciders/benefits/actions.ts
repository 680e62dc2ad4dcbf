import { refuse } from '../../errors';
import type { ActionStatus, BenefitEvent } from '../../events';
import { emit, requireIsoDate } from '../rules';
import type { AddBenefitAction, AssessBenefitRisk, CloseBenefitRisk, UpdateBenefitAction } from './commands';
import type { BenefitState, PlannedBenefit } from './state';

export const actionStatusLabels: Record<ActionStatus, string> = {
  planned: 'planlagt',
  inProgress: 'pågår',
  done: 'fullført',
  cancelled: 'avbrutt',
};

/**
 * Where an action may go from each status: planned → in progress → done, and either open status may
 * be cancelled or go back to planned; done and cancelled are final (a new action is added instead).
 */
const transitions: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['inProgress', 'done', 'cancelled'],
  inProgress: ['planned', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

const clean = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** 1–5, a whole number; refused with the field's path (HTTP 400 when the API's schema let it through). */
const requireGrade = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
    refuse('invalid_grade', path, 'Må være et helt tall fra 1 til 5');
  return value as number;
};

type Active = Extract<BenefitState, { status: 'planned' }>;

export const addAction = ({ data }: AddBenefitAction, benefit: Active): BenefitEvent[] => {
  const deadline = requireIsoDate(data.deadline, 'deadline');
  if (benefit.actions && Object.hasOwn(benefit.actions, data.actionId))
    refuse('action_exists', 'actionId', `Tiltaket «${data.actionId}» er allerede registrert`);
  if (!data.title.trim()) refuse('title_required', 'title', 'Må fylles ut');
  return [
    emit('BenefitActionAdded', {
      benefitId: data.benefitId,
      actionId: data.actionId,
      title: data.title.trim(),
      owner: data.owner.trim().toLowerCase(),
      deadline,
      comment: clean(data.comment),
    }),
  ];
};

export const updateAction = ({ data }: UpdateBenefitAction, benefit: Active): BenefitEvent[] => {
  const action = benefit.actions && Object.hasOwn(benefit.actions, data.actionId) ? benefit.actions[data.actionId] : undefined;
  if (!action) return refuse('action_not_found', 'actionId', `Tiltaket «${data.actionId}» finnes ikke på gevinsten`);
  const deadline = data.deadline == null ? null : requireIsoDate(data.deadline, 'deadline');
  const owner = data.owner == null ? null : data.owner.trim().toLowerCase();
  const comment = clean(data.comment);
  const status = data.status ?? null;
  const changed = {
    status: status !== null && status !== action.status ? status : null,
    deadline: deadline !== null && deadline !== action.deadline ? deadline : null,
    owner: owner !== null && owner !== action.owner ? owner : null,
    comment: comment !== null && comment !== action.comment ? comment : null,
  };
  if (Object.values(changed).every((v) => v === null)) return [];
  if (!transitions[action.status].length)
    refuse('action_closed', 'status', `Tiltaket «${action.title}» er ${actionStatusLabels[action.status]} og kan ikke endres`);
  if (changed.status !== null && !transitions[action.status].includes(changed.status))
    refuse('invalid_transition', 'status', `Tiltaket kan ikke gå fra ${actionStatusLabels[action.status]} til ${actionStatusLabels[changed.status]}`);
  return [emit('BenefitActionUpdated', { benefitId: data.benefitId, actionId: data.actionId, ...changed })];
};

export const assessRisk = ({ data }: AssessBenefitRisk, benefit: Active): BenefitEvent[] => {
  const probability = requireGrade(data.probability, 'probability');
  const consequence = requireGrade(data.consequence, 'consequence');
  if (!data.threat.trim()) refuse('threat_required', 'threat', 'Må fylles ut');
  const before = benefit.risks && Object.hasOwn(benefit.risks, data.riskId) ? benefit.risks[data.riskId] : undefined;
  if (before?.closed) refuse('risk_closed', 'riskId', `Risikoen «${before.threat}» er lukket; registrer en ny risiko`);
  const mitigation = data.mitigation?.trim() ?? '';
  if (
    before &&
    before.threat === data.threat.trim() &&
    before.probability === probability &&
    before.consequence === consequence &&
    before.mitigation === mitigation
  )
    return [];
  return [emit('BenefitRiskAssessed', { benefitId: data.benefitId, riskId: data.riskId, threat: data.threat.trim(), probability, consequence, mitigation })];
};

export const closeRisk = ({ data }: CloseBenefitRisk, benefit: PlannedBenefit): BenefitEvent[] => {
  const risk = benefit.risks && Object.hasOwn(benefit.risks, data.riskId) ? benefit.risks[data.riskId] : undefined;
  if (!risk) return refuse('risk_not_found', 'riskId', `Risikoen «${data.riskId}» finnes ikke på gevinsten`);
  if (risk.closed) refuse('risk_closed', 'riskId', `Risikoen «${risk.threat}» er allerede lukket`);
  const reason = data.reason.trim();
  if (!reason) refuse('reason_required', 'reason', 'Begrunnelse må fylles ut');
  return [emit('BenefitRiskClosed', { benefitId: data.benefitId, riskId: data.riskId, reason })];
};
