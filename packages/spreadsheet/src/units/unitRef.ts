/** What the spreadsheet code needs to know of a unit (a subset of `GET /api/units`). */
export interface UnitRef {
  id: string;
  name: string;
  parentId: string | null;
  orgNumber: string | null;
  active: boolean;
  /** the unit it was merged into, when it is no longer active */
  mergedInto?: string | null;
}
