/**
 * Gevinstkart for some of Fjordvik's projects (DFØ's map: leveranse → endring → gevinst/ulempe →
 * mål), each complete: every change leads to a benefit and every benefit to a goal. The goals are
 * the kommune's registered goals (goals.ts, Kristiansund's målekort: hovedmål, suksessfaktor/delmål),
 * joined to them once the målstruktur is loaded.
 */
import type { MapNodeKind } from '@gevinst/domain/events';

export interface DemoMapNode {
  key: string;
  kind: MapNodeKind;
  /** left out for a benefit of the project: the node takes the benefit's title */
  label?: string;
  /** the key of the project's benefit in municipality.ts */
  benefit?: string;
  /** the key of the kommune's goal in goals.ts */
  goal?: string;
}

export interface DemoBenefitMap {
  project: string;
  nodes: DemoMapNode[];
  /** from, to, assumption */
  edges: [string, string, string][];
}

export const benefitMaps: DemoBenefitMap[] = [
  {
    project: 'byggesak',
    nodes: [
      { key: 'skanning', kind: 'delivery', label: 'Skannet byggesaksarkiv' },
      { key: 'integrasjon', kind: 'delivery', label: 'eByggesak koblet til arkivet' },
      { key: 'digitalSak', kind: 'change', label: 'Saksbehandlerne slår opp tegninger og vedtak på skjerm' },
      { key: 'innsynSelv', kind: 'change', label: 'Servicetorget gir innsyn uten å hente i papirarkivet' },
      { key: 'timer', kind: 'benefit', benefit: 'byggesakTimer' },
      { key: 'arkiv', kind: 'benefit', benefit: 'arkivHenting' },
      { key: 'opplaering', kind: 'disbenefit', label: 'Opplæringstid for saksbehandlerne det første året' },
      { key: 'delmal', kind: 'goal', label: 'Delmål: Byggesaker avgjort innen lovens frister', goal: 'byggesakRask' },
      { key: 'hovedmal', kind: 'goal', label: 'Hovedmål: Effektiv og brukerrettet tjenesteproduksjon', goal: 'tjenester' },
    ],
    edges: [
      ['skanning', 'integrasjon', 'Skanningen er ferdig før integrasjonen settes i drift'],
      ['integrasjon', 'digitalSak', 'Alle saksbehandlere har to skjermer og har fått opplæring'],
      ['skanning', 'innsynSelv', 'Arkivet er søkbart for servicetorget'],
      ['digitalSak', 'timer', 'Tiden som ble brukt på å lete i arkivet brukes på saksbehandling'],
      ['digitalSak', 'opplaering', 'Ny arbeidsmåte tar tid å lære'],
      ['innsynSelv', 'arkiv', 'Innsynskrav kan besvares fra skjermen'],
      ['timer', 'delmal', 'Kortere saksbehandlingstid gir færre fristbrudd'],
      ['arkiv', 'hovedmal', 'Frigjort tid i servicetorget brukes på publikum'],
      ['opplaering', 'delmal', 'Opplæringen forsinker saker i en overgang'],
      ['delmal', 'hovedmal', 'Delmålet er en suksessfaktor for hovedmålet'],
    ],
  },
  {
    project: 'velferd',
    nodes: [
      { key: 'sensorer', kind: 'delivery', label: 'Trygghetsalarmer og sensorer i hjemmene' },
      { key: 'responssenter', kind: 'delivery', label: 'Responssenter med døgnbemanning' },
      { key: 'digitaltTilsyn', kind: 'change', label: 'Nattilsyn gjøres digitalt der brukeren samtykker' },
      { key: 'tryggHjemme', kind: 'change', label: 'Brukere med demens bor trygt hjemme lenger' },
      { key: 'tilsyn', kind: 'benefit', benefit: 'tilsynsbesok' },
      { key: 'plass', kind: 'benefit', benefit: 'sykehjemsplass' },
      { key: 'personvern', kind: 'disbenefit', label: 'Færre fysiske møter med brukeren' },
      { key: 'delmal', kind: 'goal', label: 'Delmål: Flere kan bo hjemme så lenge de ønsker', goal: 'velferdsteknologi' },
      { key: 'hovedmal', kind: 'goal', label: 'Hovedmål: Bærekraftige helse- og omsorgstjenester', goal: 'trygg' },
    ],
    edges: [
      ['sensorer', 'responssenter', 'Alarmene går til responssenteret'],
      ['responssenter', 'digitaltTilsyn', 'Responssenteret rykker ut når sensorene varsler'],
      ['responssenter', 'tryggHjemme', 'Pårørende og bruker stoler på varslingen'],
      ['digitaltTilsyn', 'tilsyn', 'Ledig tid i hjemmetjenesten brukes på andre brukere'],
      ['digitaltTilsyn', 'personvern', 'Tilsyn på skjerm erstatter et besøk'],
      ['tryggHjemme', 'plass', 'Kommunen har nok hjemmetjeneste til å følge opp'],
      ['tilsyn', 'hovedmal', 'Frigjort tid dekker økt behov uten flere årsverk'],
      ['plass', 'delmal', 'Utsatt innleggelse betyr at brukeren bor hjemme lenger'],
      ['personvern', 'delmal', 'Ensomhet kan svekke brukerens mulighet til å bo hjemme'],
      ['delmal', 'hovedmal', 'Delmålet er en suksessfaktor for hovedmålet'],
    ],
  },
  {
    project: 'rpa',
    nodes: [
      { key: 'roboter', kind: 'delivery', label: 'Roboter for registrering av variabel lønn' },
      { key: 'kartlegging', kind: 'delivery', label: 'Kartlagt lønnsprosess' },
      { key: 'automatisk', kind: 'change', label: 'Variabel lønn registreres automatisk fra timelister' },
      { key: 'lonn', kind: 'benefit', benefit: 'lonnstimer' },
      { key: 'hovedmal', kind: 'goal', label: 'Hovedmål: Effektiv drift som frigjør midler til tjenestene', goal: 'drift' },
    ],
    edges: [
      ['kartlegging', 'roboter', 'Prosessen er standardisert før den automatiseres'],
      ['roboter', 'automatisk', 'Timelistene føres elektronisk i alle enheter'],
      ['automatisk', 'lonn', 'Lønnsmedarbeiderne slutter å taste inn tillegg'],
      ['lonn', 'hovedmal', 'De frigjorte timene tas ut som budsjettkutt'],
    ],
  },
];
