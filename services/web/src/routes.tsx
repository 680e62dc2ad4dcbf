import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './Layout';
import { Loading } from './components/Loading';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { ProjectList } from './pages/projects/ProjectList';
import { ProjectNew } from './pages/projects/ProjectNew';
import { BenefitNew } from './pages/projects/BenefitNew';
import { ImportPlan } from './pages/projects/ImportPlan';
import { CostCorrection } from './pages/projects/CostCorrection';
import { MyBenefits } from './pages/benefits/MyBenefits';
import { RecordBenefit } from './pages/benefits/RecordBenefit';
import { TracePage } from './pages/finance/TracePage';
import { WithdrawalPage } from './pages/finance/WithdrawalPage';
import { SettlementPage } from './pages/finance/SettlementPage';
import { Scorecard } from './pages/management/Scorecard';
import { SharedGains } from './pages/management/SharedGains';
import { RiskMatrixPage } from './pages/followUp/RiskMatrixPage';
import { UnitTree } from './pages/units/UnitTree';
import { UnitPage } from './pages/units/UnitPage';
import { MergeUnits } from './pages/units/MergeUnits';
import { AuditPage } from './pages/audit/AuditPage';
import { GoalsPage } from './pages/goals/GoalsPage';
import { GoalPage } from './pages/goals/GoalPage';
import { TertialReportPage } from './pages/reports/TertialReportPage';
import { CalendarPage } from './pages/calendar/CalendarPage';

/** A page loaded when first visited (the pages with ECharts), with a visible, announced loading state meanwhile. */
function lazyPage(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<div aria-busy="true" className="busy"><Loading label="Laster siden …" /></div>}>
      <Component />
    </Suspense>
  );
}

const ProjectPage = lazyPage(() => import('./pages/projects/ProjectPage').then((m) => m.ProjectPage));
const BenefitPage = lazyPage(() => import('./pages/benefits/BenefitPage').then((m) => m.BenefitPage));
// the status report shares the benefit figures' module, which imports the charts
const StatusReport = lazyPage(() => import('./pages/projects/StatusReport').then((m) => m.StatusReport));
const BenefitMapPage = lazyPage(() => import('./pages/projects/benefitMap/BenefitMapPage').then((m) => m.BenefitMapPage));
const LedgerPage = lazyPage(() => import('./pages/finance/LedgerPage').then((m) => m.LedgerPage));
const CostBenefitPage = lazyPage(() => import('./pages/valuation/CostBenefitPage').then((m) => m.CostBenefitPage));

/** Every page has its own address (deep links; the API answers unknown paths with index.html). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/prosjekter', element: <ProjectList /> },
      { path: '/prosjekter/ny', element: <ProjectNew /> },
      { path: '/prosjekter/:projectId', element: ProjectPage },
      { path: '/prosjekter/:projectId/gevinster/ny', element: <BenefitNew /> },
      { path: '/prosjekter/:projectId/importer', element: <ImportPlan /> },
      { path: '/prosjekter/:projectId/kostnader/:costId', element: <CostCorrection /> },
      { path: '/prosjekter/:projectId/historikk', element: <AuditPage subject="projects" /> },
      { path: '/prosjekter/:projectId/status', element: StatusReport },
      { path: '/prosjekter/:projectId/gevinstkart', element: BenefitMapPage },
      { path: '/gevinster/:benefitId', element: BenefitPage },
      { path: '/gevinster/:benefitId/registrer', element: <RecordBenefit /> },
      { path: '/gevinster/:benefitId/historikk', element: <AuditPage subject="benefits" /> },
      { path: '/mine-gevinster', element: <MyBenefits /> },
      { path: '/okonomi', element: LedgerPage },
      { path: '/okonomi/spor', element: <TracePage /> },
      { path: '/okonomi/gevinstuttak', element: <WithdrawalPage /> },
      { path: '/okonomi/avregning', element: <SettlementPage /> },
      { path: '/ledelse', element: <Scorecard /> },
      { path: '/ledelse/delte-gevinster', element: <SharedGains /> },
      { path: '/ledelse/risiko', element: <RiskMatrixPage /> },
      { path: '/mal', element: <GoalsPage /> },
      { path: '/mal/:goalId', element: <GoalPage /> },
      { path: '/arshjul', element: <CalendarPage /> },
      { path: '/enheter', element: <UnitTree /> },
      { path: '/enheter/sammenslaing', element: <MergeUnits /> },
      { path: '/enheter/:unitId', element: <UnitPage /> },
      { path: '/enheter/:unitId/historikk', element: <AuditPage subject="units" /> },
      { path: '/kost-nytte', element: CostBenefitPage },
      { path: '/rapporter/tertial', element: <TertialReportPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
