import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | undefined;

/** exceljs, loaded at its first use: it takes half a second to load, which the API's start does not wait for */
export const excel = (): typeof ExcelJS => (loaded ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);
