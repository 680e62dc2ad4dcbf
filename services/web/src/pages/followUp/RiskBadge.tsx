import { gradeLabel, riskLevelText } from '../../format/labels';
import type { BenefitRisk } from '../../api';

/** Probability × consequence as score, colour, icon and word. */
export function RiskBadge({ risk }: { risk: Pick<BenefitRisk, 'score' | 'level' | 'probability' | 'consequence'> }) {
  const { label, icon, css } = riskLevelText[risk.level];
  return (
    <span className={`status status-${css}`} title={`Sannsynlighet ${risk.probability} (${gradeLabel[risk.probability]}) × konsekvens ${risk.consequence} (${gradeLabel[risk.consequence]})`}>
      <span aria-hidden="true" className="status-icon">{icon}</span> {risk.score}: {label}
    </span>
  );
}
