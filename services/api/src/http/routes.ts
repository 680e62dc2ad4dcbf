/**
 * The command routes of docs/contract.md: POST path → application command. `:id` is the target; any
 * other path parameter (`:costId`) is a field of the command's input.
 */
export interface CommandRoute {
  path: string;
  command: string;
}

export const commandRoutes: CommandRoute[] = [
  { path: '/api/units', command: 'registerUnit' },
  { path: '/api/units/merge', command: 'mergeUnits' },
  { path: '/api/units/:id/rename', command: 'renameUnit' },
  { path: '/api/units/:id/move', command: 'moveUnit' },
  { path: '/api/units/:id/move/annul', command: 'annulUnitMove' },
  { path: '/api/units/:id/merger/annul', command: 'annulUnitMerger' },
  { path: '/api/units/:id/leader', command: 'assignUnitLeader' },
  { path: '/api/units/:id/hourly-rates', command: 'setHourlyRate' },
  { path: '/api/projects', command: 'registerProject' },
  { path: '/api/projects/:id/costs', command: 'recordCost' },
  { path: '/api/projects/:id/costs/:costId/corrections', command: 'correctCost' },
  { path: '/api/projects/:id/costs/:costId/reversal', command: 'reverseCost' },
  { path: '/api/projects/:id/costs/:costId/stop', command: 'stopAnnualCost' },
  { path: '/api/projects/:id/phase', command: 'changeProjectPhase' },
  { path: '/api/projects/:id/close', command: 'closeProject' },
  { path: '/api/projects/:id/benefits', command: 'planBenefit' },
  { path: '/api/benefits/:id/baseline', command: 'recordBaseline' },
  { path: '/api/benefits/:id/measurements', command: 'recordMeasurement' },
  { path: '/api/benefits/:id/realisations', command: 'recordRealisation' },
  { path: '/api/benefits/:id/corrections', command: 'correctRealisation' },
  { path: '/api/benefits/:id/forecast', command: 'reviseForecast' },
  { path: '/api/benefits/:id/owner', command: 'assignBenefitOwner' },
  { path: '/api/benefits/:id/cancel', command: 'cancelBenefit' },
  { path: '/api/benefits/:id/approvals', command: 'approveBenefitPlan' },
  { path: '/api/benefits/:id/withdrawals', command: 'recordWithdrawal' },
  { path: '/api/benefits/:id/actions', command: 'addBenefitAction' },
  { path: '/api/benefits/:id/actions/:actionId', command: 'updateBenefitAction' },
  { path: '/api/benefits/:id/risks', command: 'assessBenefitRisk' },
  { path: '/api/benefits/:id/risks/:riskId/close', command: 'closeBenefitRisk' },
  { path: '/api/settlements', command: 'recordSettlement' },
  { path: '/api/unplanned-benefits', command: 'recordUnplannedBenefit' },
  { path: '/api/access/grants', command: 'grantRole' },
  { path: '/api/access/grants/:id/revoke', command: 'revokeRole' },
  { path: '/api/goals', command: 'defineGoal' },
  { path: '/api/goals/:id/rename', command: 'renameGoal' },
  { path: '/api/goals/:id/retire', command: 'retireGoal' },
  { path: '/api/goals/:id/requirements', command: 'setGoalRequirement' },
  { path: '/api/goals/:id/results', command: 'recordGoalResult' },
  { path: '/api/goals/:id/benefits', command: 'linkBenefitToGoal' },
  { path: '/api/goals/:id/benefits/:benefitId/unlink', command: 'unlinkBenefitFromGoal' },
  { path: '/api/goals/:id/projects', command: 'linkProjectToGoal' },
  { path: '/api/goals/:id/projects/:projectId/unlink', command: 'unlinkProjectFromGoal' },
  { path: '/api/cost-benefit/settings', command: 'setCostBenefitDefaults' },
  { path: '/api/cost-benefit/price-index', command: 'setPriceIndex' },
  { path: '/api/calendar/deadlines', command: 'setReportingDeadline' },
  { path: '/api/calendar/deadlines/:deadlineId/remove', command: 'removeReportingDeadline' },
];
