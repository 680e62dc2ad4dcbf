/**
 * Text as it must be written into a cell to be read back the same, by Excel and by exceljs:
 * both read `_xHHHH_` in a cell's text as the character U+HHHH, so an underscore that starts such a
 * sequence is written as `_x005F_` (the underscore itself); and XML turns a carriage return into a
 * line feed, so CR is written as `_x000D_`. Strings are always written as text, never as formulas:
 * a title like `=SUM(A1)` or `+47 …` stays what it says.
 */
export const sheetText = (text: string): string =>
  text.replace(/_(?=x[0-9A-Fa-f]{4}(?:_|\r))/g, '_x005F_').replace(/\r/g, '_x000D_');
