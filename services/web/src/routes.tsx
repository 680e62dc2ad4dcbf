import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './Layout';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { ProjectList } from './pages/projects/ProjectList';
import { ProjectNew } from './pages/projects/ProjectNew';
import { ProjectPage } from './pages/projects/ProjectPage';
import { BenefitNew } from './pages/projects/BenefitNew';
import { BenefitPage } from './pages/benefits/BenefitPage';
import { MyBenefits } from './pages/benefits/MyBenefits';
import { RecordBenefit } from './pages/benefits/RecordBenefit';
import { LedgerPage } from './pages/finance/LedgerPage';
import { TracePage } from './pages/finance/TracePage';
import { WithdrawalPage } from './pages/finance/WithdrawalPage';
import { SettlementPage } from './pages/finance/SettlementPage';
import { Scorecard } from './pages/management/Scorecard';
import { UnitTree } from './pages/units/UnitTree';
import { UnitPage } from './pages/units/UnitPage';
import { MergeUnits } from './pages/units/MergeUnits';

/** Every page has its own address (deep links; the API answers unknown paths with index.html). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/prosjekter', element: <ProjectList /> },
      { path: '/prosjekter/ny', element: <ProjectNew /> },
      { path: '/prosjekter/:projectId', element: <ProjectPage /> },
      { path: '/prosjekter/:projectId/gevinster/ny', element: <BenefitNew /> },
      { path: '/gevinster/:benefitId', element: <BenefitPage /> },
      { path: '/gevinster/:benefitId/registrer', element: <RecordBenefit /> },
      { path: '/mine-gevinster', element: <MyBenefits /> },
      { path: '/okonomi', element: <LedgerPage /> },
      { path: '/okonomi/spor', element: <TracePage /> },
      { path: '/okonomi/gevinstuttak', element: <WithdrawalPage /> },
      { path: '/okonomi/avregning', element: <SettlementPage /> },
      { path: '/ledelse', element: <Scorecard /> },
      { path: '/enheter', element: <UnitTree /> },
      { path: '/enheter/sammenslaing', element: <MergeUnits /> },
      { path: '/enheter/:unitId', element: <UnitPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
