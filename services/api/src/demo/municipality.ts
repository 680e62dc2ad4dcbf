/**
 * Fjordvik kommune: a made-up municipality with the kind of digitalisation projects Norwegian
 * kommuner name in their strategies. Costs are paid by one unit and benefits land in others, so
 * the ledger has flows between units. Everything is data; `load.ts` sends it through the
 * application layer like any user would.
 */

import type { BenefitCategory, Direction } from '@gevinst/domain/events';
import type { CostKind } from '@gevinst/domain/events';

export const KOMMUNE_ORGNR = '939174605';

export interface DemoUnit {
  key: string;
  name: string;
  parent?: string;
  orgNumber?: string;
  leader?: string;
}

export const units: DemoUnit[] = [
  { key: 'kommune', name: 'Fjordvik kommune', orgNumber: KOMMUNE_ORGNR, leader: 'kommunedirektor@fjordvik.kommune.no' },
  { key: 'oppvekst', name: 'Oppvekst', parent: 'kommune', leader: 'oppvekstsjef@fjordvik.kommune.no' },
  { key: 'skoleSentrum', name: 'Fjordvik skole', parent: 'oppvekst' },
  { key: 'skoleNord', name: 'Nordbygda skole', parent: 'oppvekst' },
  { key: 'barnehage', name: 'Barnehagene', parent: 'oppvekst' },
  { key: 'helse', name: 'Helse og velferd', parent: 'kommune', leader: 'helsesjef@fjordvik.kommune.no' },
  { key: 'hjemmetjeneste', name: 'Hjemmetjenesten', parent: 'helse', leader: 'hjemmetjenesten@fjordvik.kommune.no' },
  { key: 'sykehjem', name: 'Fjordvik sykehjem', parent: 'helse' },
  { key: 'nav', name: 'NAV Fjordvik', parent: 'helse' },
  { key: 'responssenter', name: 'Responssenteret', parent: 'helse' },
  { key: 'teknisk', name: 'Teknisk', parent: 'kommune', leader: 'teknisksjef@fjordvik.kommune.no' },
  { key: 'byggesak', name: 'Byggesak', parent: 'teknisk', leader: 'byggesak@fjordvik.kommune.no' },
  { key: 'plan', name: 'Plan og geodata', parent: 'teknisk' },
  { key: 'vei', name: 'Vei, vann og avløp', parent: 'teknisk' },
  { key: 'okit', name: 'Organisasjon, økonomi og IKT', parent: 'kommune', leader: 'okonomisjef@fjordvik.kommune.no' },
  { key: 'ikt', name: 'IKT', parent: 'okit', leader: 'iktsjef@fjordvik.kommune.no' },
  { key: 'okonomi', name: 'Økonomi og lønn', parent: 'okit' },
  { key: 'servicetorg', name: 'Servicetorget og dokumentsenter', parent: 'okit' },
];

/** A reorganisation: Teknisk becomes Samfunnsutvikling, and Plan og geodata moves under it from… itself stays; Servicetorget moves to Samfunnsutvikling. */
export const reorganisation = {
  rename: { unit: 'teknisk', name: 'Samfunnsutvikling' },
  move: { unit: 'servicetorg', newParent: 'teknisk', effectiveDate: '2026-01-01' },
};

/** The two schools become one oppvekstsenter from 1 August 2025. */
export const merger = {
  merged: ['skoleSentrum', 'skoleNord'],
  successorKey: 'oppvekstsenter',
  successorName: 'Fjordvik oppvekstsenter',
  parent: 'oppvekst',
  effectiveDate: '2025-08-01',
};

export const hourlyRates = [
  { unit: 'kommune', year: 2025, rateOre: 62_000, source: { wageOre: 42_000, employerContributionOre: 5_900, socialCostsOre: 14_100, note: 'KS lønnsstatistikk 2025' } },
  { unit: 'kommune', year: 2026, rateOre: 64_500, source: { wageOre: 43_700, employerContributionOre: 6_200, socialCostsOre: 14_600, note: 'KS lønnsstatistikk 2026' } },
];

export interface DemoBenefit {
  key: string;
  title: string;
  recipient: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: Direction;
  category: BenefitCategory;
  cashReleasing: boolean;
  valuationOrePerUnit: number | null;
  baseline?: number;
  target?: number;
  targetDate?: string;
  /** planned quantity per tertial from 2025-T1 */
  perTertial: number[];
  /** realised share of plan per tertial (1 = as planned); shorter than the plan = not yet recorded */
  realised: number[];
  measurements?: { value: number; measuredOn: string }[];
}

export interface DemoProject {
  key: string;
  name: string;
  owner: string;
  leader: string;
  costs: { payer: string; amountOre: number; period: string; kind: CostKind; description: string }[];
  benefits: DemoBenefit[];
  phase?: 'execution' | 'realisation';
}

export const PLAN_PERIODS = ['2025-T1', '2025-T2', '2025-T3', '2026-T1', '2026-T2', '2026-T3'];
const HOUR = 62_000;
const kr = (kroner: number) => kroner * 100;

export const projects: DemoProject[] = [
  {
    key: 'byggesak',
    name: 'Digitalisering av byggesaksarkivet',
    owner: 'ikt',
    leader: 'prosjektleder.byggesak@fjordvik.kommune.no',
    phase: 'realisation',
    costs: [
      { payer: 'ikt', amountOre: kr(1_800_000), period: '2024', kind: 'one-off', description: 'Skanning og eByggesak-integrasjon' },
      { payer: 'byggesak', amountOre: kr(200_000), period: '2024', kind: 'one-off', description: 'Opplæring' },
      { payer: 'ikt', amountOre: kr(150_000), period: '2025', kind: 'annual', description: 'Lisens' },
    ],
    benefits: [
      {
        key: 'byggesakTimer',
        title: 'Færre timer per byggesak',
        recipient: 'byggesak',
        owner: 'byggesak@fjordvik.kommune.no',
        indicator: 'Saksbehandlingstid per byggesak',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: HOUR,
        baseline: 9.5,
        target: 6,
        targetDate: '2026-12-31',
        perTertial: [300, 400, 400, 450, 450, 450],
        realised: [0.9, 1.05, 1, 1.1, 0.95],
        measurements: [
          { value: 8.7, measuredOn: '2025-04-30' },
          { value: 7.9, measuredOn: '2025-12-31' },
          { value: 7.2, measuredOn: '2026-08-31' },
        ],
      },
      {
        key: 'arkivHenting',
        title: 'Innsynskrav uten arkivhenting',
        recipient: 'servicetorg',
        owner: 'servicetorget@fjordvik.kommune.no',
        indicator: 'Timer brukt på henting i papirarkiv',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: HOUR,
        perTertial: [120, 120, 150, 150, 150, 150],
        realised: [1, 1, 0.9, 1, 1],
      },
    ],
  },
  {
    key: 'velferd',
    name: 'Velferdsteknologi og responssenter',
    owner: 'helse',
    leader: 'prosjektleder.velferd@fjordvik.kommune.no',
    phase: 'realisation',
    costs: [
      { payer: 'helse', amountOre: kr(2_400_000), period: '2024', kind: 'one-off', description: 'Trygghetsalarmer, sensorer, responssenter' },
      { payer: 'responssenter', amountOre: kr(600_000), period: '2025', kind: 'annual', description: 'Drift av responssenteret' },
    ],
    benefits: [
      {
        key: 'tilsynsbesok',
        title: 'Færre fysiske tilsynsbesøk',
        recipient: 'hjemmetjeneste',
        owner: 'hjemmetjenesten@fjordvik.kommune.no',
        indicator: 'Tilsynsbesøk per uke',
        unitOfMeasure: 'besøk',
        direction: 'decrease',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: kr(450),
        baseline: 1200,
        target: 800,
        targetDate: '2026-12-31',
        perTertial: [800, 1000, 1200, 1400, 1400, 1400],
        realised: [0.7, 0.8, 0.85, 0.75, 0.7],
        measurements: [
          { value: 1120, measuredOn: '2025-06-30' },
          { value: 1010, measuredOn: '2025-12-31' },
          { value: 1030, measuredOn: '2026-06-30' },
        ],
      },
      {
        key: 'sykehjemsplass',
        title: 'Utsatt behov for sykehjemsplass',
        recipient: 'sykehjem',
        owner: 'sykehjemmet@fjordvik.kommune.no',
        indicator: 'Plassdøgn spart',
        unitOfMeasure: 'døgn',
        direction: 'increase',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: kr(3_200),
        perTertial: [40, 60, 80, 80, 80, 80],
        realised: [1, 1.2, 1, 1.1],
      },
    ],
  },
  {
    key: 'nettbrett',
    name: 'Nettbrett i hjemmetjenesten',
    owner: 'hjemmetjeneste',
    leader: 'prosjektleder.nettbrett@fjordvik.kommune.no',
    costs: [{ payer: 'ikt', amountOre: kr(480_000), period: '2025-T1', kind: 'one-off', description: 'Nettbrett og mobil dokumentasjon' }],
    benefits: [
      {
        key: 'dokumentasjon',
        title: 'Dokumentasjon på stedet',
        recipient: 'hjemmetjeneste',
        owner: 'hjemmetjenesten@fjordvik.kommune.no',
        indicator: 'Timer til dokumentasjon etter vakt',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: HOUR,
        perTertial: [200, 300, 300, 300, 300, 300],
        realised: [1, 0.95, 1, 1.02],
      },
    ],
  },
  {
    key: 'svarut',
    name: 'SvarUT og digital post',
    owner: 'servicetorg',
    leader: 'prosjektleder.svarut@fjordvik.kommune.no',
    phase: 'realisation',
    costs: [{ payer: 'ikt', amountOre: kr(350_000), period: '2024', kind: 'one-off', description: 'SvarUT-integrasjon i sak/arkiv' }],
    benefits: [
      {
        key: 'porto',
        title: 'Sparte porto- og utsendelseskostnader',
        recipient: 'servicetorg',
        owner: 'servicetorget@fjordvik.kommune.no',
        indicator: 'Brev sendt digitalt',
        unitOfMeasure: 'brev',
        direction: 'increase',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: kr(14),
        perTertial: [9000, 10000, 11000, 12000, 12000, 12000],
        realised: [1.1, 1.05, 1, 1, 1.05],
      },
    ],
  },
  {
    key: 'ebilag',
    name: 'eBilag og elektronisk fakturabehandling',
    owner: 'okonomi',
    leader: 'prosjektleder.ebilag@fjordvik.kommune.no',
    costs: [{ payer: 'okonomi', amountOre: kr(420_000), period: '2024-T3', kind: 'one-off', description: 'eBilag-modul' }],
    benefits: [
      {
        key: 'fakturatid',
        title: 'Raskere fakturabehandling i skolene',
        recipient: 'skoleSentrum',
        owner: 'rektor.sentrum@fjordvik.kommune.no',
        indicator: 'Timer til fakturabehandling',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: HOUR,
        perTertial: [60, 60, 60, 60, 60, 60],
        realised: [1, 1],
      },
      {
        key: 'regnskapstid',
        title: 'Mindre manuell bilagsføring',
        recipient: 'okonomi',
        owner: 'regnskapsleder@fjordvik.kommune.no',
        indicator: 'Bilag ført manuelt',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: HOUR,
        perTertial: [150, 150, 150, 150, 150, 150],
        realised: [0.8, 0.9, 1, 1, 1],
      },
    ],
  },
  {
    key: 'sykemelding',
    name: 'Digitale sykemeldinger og refusjoner',
    owner: 'okonomi',
    leader: 'prosjektleder.refusjon@fjordvik.kommune.no',
    costs: [{ payer: 'okonomi', amountOre: kr(180_000), period: '2025-T1', kind: 'one-off', description: 'Integrasjon mot NAV' }],
    benefits: [
      {
        key: 'refusjon',
        title: 'Flere sykepengerefusjoner krevd i tide',
        recipient: 'sykehjem',
        owner: 'sykehjemmet@fjordvik.kommune.no',
        indicator: 'Refusjon krevd i tide',
        unitOfMeasure: 'kroner',
        direction: 'increase',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: 100,
        perTertial: [0, 80_000, 80_000, 80_000, 80_000, 80_000],
        realised: [0, 0.6, 0.7, 0.8],
      },
    ],
  },
  {
    key: 'elaering',
    name: 'E-læring for ansatte',
    owner: 'oppvekst',
    leader: 'prosjektleder.elaering@fjordvik.kommune.no',
    costs: [
      { payer: 'oppvekst', amountOre: kr(260_000), period: '2025', kind: 'annual', description: 'Læringsplattform' },
      { payer: 'helse', amountOre: kr(140_000), period: '2025', kind: 'annual', description: 'Kursinnhold helse' },
    ],
    benefits: [
      {
        key: 'kursdager',
        title: 'Færre kursdager med vikar',
        recipient: 'sykehjem',
        owner: 'sykehjemmet@fjordvik.kommune.no',
        indicator: 'Vikartimer ved kurs',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: HOUR,
        perTertial: [100, 150, 150, 150, 150, 150],
        realised: [1, 1, 1.1, 1],
      },
      {
        key: 'kvalitet',
        title: 'Bedre dokumentert kompetanse',
        recipient: 'barnehage',
        owner: 'barnehagesjef@fjordvik.kommune.no',
        indicator: 'Andel ansatte med fullført kurs',
        unitOfMeasure: 'prosent',
        direction: 'increase',
        category: 'unpriced',
        cashReleasing: false,
        valuationOrePerUnit: null,
        baseline: 35,
        target: 90,
        targetDate: '2026-12-31',
        perTertial: [10, 10, 10, 10, 10, 10],
        realised: [1, 1, 1],
        measurements: [{ value: 58, measuredOn: '2025-12-31' }],
      },
    ],
  },
  {
    key: 'skjema',
    name: 'Selvbetjeningsskjema på nett',
    owner: 'servicetorg',
    leader: 'prosjektleder.skjema@fjordvik.kommune.no',
    costs: [{ payer: 'ikt', amountOre: kr(300_000), period: '2025-T1', kind: 'one-off', description: 'Skjemaplattform' }],
    benefits: [
      {
        key: 'skjemaByggesak',
        title: 'Komplette søknader i byggesak',
        recipient: 'byggesak',
        owner: 'byggesak@fjordvik.kommune.no',
        indicator: 'Timer til mangelbrev',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: HOUR,
        perTertial: [0, 80, 80, 100, 100, 100],
        realised: [0, 0.5, 0.6, 0.7],
      },
    ],
  },
  {
    key: 'chat',
    name: 'Chat på nettsiden',
    owner: 'servicetorg',
    leader: 'prosjektleder.chat@fjordvik.kommune.no',
    costs: [{ payer: 'servicetorg', amountOre: kr(220_000), period: '2025-T2', kind: 'one-off', description: 'Chatbot og opplæring' }],
    benefits: [
      {
        key: 'navHenvendelser',
        title: 'Færre telefonhenvendelser til NAV',
        recipient: 'nav',
        owner: 'nav.leder@fjordvik.kommune.no',
        indicator: 'Telefonhenvendelser',
        unitOfMeasure: 'samtaler',
        direction: 'decrease',
        category: 'capacity',
        cashReleasing: false,
        valuationOrePerUnit: kr(95),
        perTertial: [0, 0, 1500, 2000, 2000, 2000],
        realised: [0, 0, 1.1, 1.2],
      },
    ],
  },
  {
    key: 'rpa',
    name: 'RPA i lønn',
    owner: 'okonomi',
    leader: 'prosjektleder.rpa@fjordvik.kommune.no',
    costs: [
      { payer: 'ikt', amountOre: kr(500_000), period: '2025-T1', kind: 'one-off', description: 'Roboter for lønnskjøring' },
      { payer: 'okonomi', amountOre: kr(100_000), period: '2025-T1', kind: 'one-off', description: 'Prosesskartlegging' },
    ],
    benefits: [
      {
        key: 'lonnstimer',
        title: 'Automatisert registrering av variabel lønn',
        recipient: 'okonomi',
        owner: 'lonnsleder@fjordvik.kommune.no',
        indicator: 'Manuelle timer i lønn',
        unitOfMeasure: 'timer',
        direction: 'decrease',
        category: 'budget',
        cashReleasing: true,
        valuationOrePerUnit: HOUR,
        perTertial: [100, 250, 250, 250, 250, 250],
        realised: [0.5, 0.9, 1, 1, 0.95],
      },
    ],
  },
];

/** finance's follow-up, after the realisations */
export const finance = {
  withdrawal: { benefit: 'tilsynsbesok', period: '2025', amountOre: kr(300_000), saksnummer: '2025/4411', comment: 'Budsjett 2026: redusert ramme i hjemmetjenesten' },
  settlement: {
    from: 'byggesak',
    to: 'ikt',
    amountOre: kr(250_000),
    period: '2026-T1',
    saksnummer: '2026/1187',
    project: 'byggesak',
    comment: 'Kompensasjon for IKTs investering i digital byggesak',
  },
  cancelled: { benefit: 'kvalitet', reason: 'Indikatoren erstattes av nasjonal kompetansestatistikk' },
  correction: { benefit: 'porto', period: '2025-T1', factor: 1.05, reason: 'Tall fra SvarUT-rapport korrigert etter fakturakontroll' },
  unplanned: {
    project: 'svarut',
    title: 'Færre returnerte brev',
    recipient: 'servicetorg',
    category: 'budget' as const,
    period: '2025-T3',
    quantity: 400,
    unitOfMeasure: 'brev',
    valueOre: kr(6_000),
    description: 'Digital post ga færre returer fra Posten, ikke planlagt',
  },
};

/**
 * Plan approvals at Prosjektveiviseren's decision points, loaded last: every benefit of a project
 * past planning is approved at BP2 (konseptvalg), and those of projects in realisation again at BP3
 * (gjennomføring, with the styringsdokument).
 */
export const planApprovals = [
  { decisionPoint: 'BP2', phases: ['execution', 'realisation'], note: 'Konseptvalget godkjent i styringsgruppen' },
  { decisionPoint: 'BP3', phases: ['realisation'], note: 'Styringsdokumentet godkjent: klar for gjennomføring' },
] as const;
