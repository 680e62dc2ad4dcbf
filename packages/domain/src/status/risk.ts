/** A risk's score: probability × consequence, each 1–5, so 1–25. */
export const riskScore = (probability: number, consequence: number): number => probability * consequence;

export type RiskLevel = 'low' | 'medium' | 'high';

/** The usual 5×5 matrix's bands: 1–4 low, 5–12 medium, 15–25 high (DFØ's risk matrices use three bands). */
export const riskLevel = (score: number): RiskLevel => (score >= 15 ? 'high' : score >= 5 ? 'medium' : 'low');

export const riskLevelLabels: Record<RiskLevel, string> = { low: 'lav', medium: 'middels', high: 'høy' };

/** An action is overdue the day after its deadline while it is neither done nor cancelled. */
export const isActionOpen = (status: string): boolean => status === 'planned' || status === 'inProgress';
export const isActionOverdue = (action: { status: string; deadline: string }, today: string): boolean =>
  isActionOpen(action.status) && action.deadline < today;
