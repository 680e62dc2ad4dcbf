import type { ActionStatus } from '@gevinst/domain/events';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

interface Written {
  by: string | null;
  at: string;
}

export interface ActionFact {
  actionId: string;
  benefitId: string;
  title: string;
  owner: string;
  deadline: string;
  status: ActionStatus;
  comment: string | null;
  added: Written;
  updated: Written;
}

export interface AssessmentFact {
  threat: string;
  probability: number;
  consequence: number;
  mitigation: string;
  assessed: Written;
}

export interface RiskFact {
  riskId: string;
  benefitId: string;
  /** every assessment, oldest first; the last is the risk as it stands */
  assessments: AssessmentFact[];
  closedReason: string | null;
}

const writtenBy = (event: ProjectedEvent): Written => ({ by: event.metadata.userId ?? null, at: event.metadata.recordedAt });

/**
 * The realisation actions and risks of every benefit, folded from the benefit streams
 * (`BenefitActionAdded/Updated`, `BenefitRiskAssessed/Closed`). The benefits themselves (title, owner,
 * cancelled) are the portfolio model's; `followUp.ts` joins the two.
 */
export class FollowUpModel implements SnapshotProjection {
  readonly name = 'follow-up';
  actions = new Map<string, ActionFact>();
  risks = new Map<string, RiskFact>();
  /** action and risk ids per benefit, in the order added */
  private byBenefit = new Map<string, { actions: string[]; risks: string[] }>();

  reset(): void {
    this.actions = new Map();
    this.risks = new Map();
    this.byBenefit = new Map();
  }

  apply(event: ProjectedEvent): void {
    switch (event.type) {
      case 'BenefitActionAdded': {
        const d = event.data;
        const key = `${d.benefitId}/${d.actionId}`;
        if (this.actions.has(key)) return;
        const written = writtenBy(event);
        this.actions.set(key, { ...d, comment: d.comment ?? null, status: 'planned', added: written, updated: written });
        this.ids(d.benefitId).actions.push(key);
        return;
      }
      case 'BenefitActionUpdated': {
        const d = event.data;
        const action = this.actions.get(`${d.benefitId}/${d.actionId}`);
        if (!action) return;
        action.status = d.status ?? action.status;
        action.deadline = d.deadline ?? action.deadline;
        action.owner = d.owner ?? action.owner;
        action.comment = d.comment ?? action.comment;
        action.updated = writtenBy(event);
        return;
      }
      case 'BenefitRiskAssessed': {
        const d = event.data;
        const key = `${d.benefitId}/${d.riskId}`;
        const assessment: AssessmentFact = { threat: d.threat, probability: d.probability, consequence: d.consequence, mitigation: d.mitigation, assessed: writtenBy(event) };
        const risk = this.risks.get(key);
        if (risk) risk.assessments.push(assessment);
        else {
          this.risks.set(key, { riskId: d.riskId, benefitId: d.benefitId, assessments: [assessment], closedReason: null });
          this.ids(d.benefitId).risks.push(key);
        }
        return;
      }
      case 'BenefitRiskClosed': {
        const risk = this.risks.get(`${event.data.benefitId}/${event.data.riskId}`);
        if (risk) risk.closedReason = event.data.reason;
        return;
      }
      default:
        return;
    }
  }

  actionsOf(benefitId: string): ActionFact[] {
    return (this.byBenefit.get(benefitId)?.actions ?? []).flatMap((key) => this.actions.get(key) ?? []);
  }

  risksOf(benefitId: string): RiskFact[] {
    return (this.byBenefit.get(benefitId)?.risks ?? []).flatMap((key) => this.risks.get(key) ?? []);
  }

  private ids(benefitId: string) {
    let ids = this.byBenefit.get(benefitId);
    if (!ids) this.byBenefit.set(benefitId, (ids = { actions: [], risks: [] }));
    return ids;
  }

  readonly snapshotVersion = 1;

  snapshot(): unknown {
    return { actions: this.actions, risks: this.risks, byBenefit: this.byBenefit };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { actions: 'map', risks: 'map', byBenefit: 'map' });
    this.actions = s.actions as Map<string, ActionFact>;
    this.risks = s.risks as Map<string, RiskFact>;
    this.byBenefit = s.byBenefit as Map<string, { actions: string[]; risks: string[] }>;
  }
}
