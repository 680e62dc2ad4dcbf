// `pnpm gevinst …`: the command-line tool (spreadsheet import, template and exports over HTTP).
import { main } from '@gevinst/spreadsheet/cli';
import { tertialReportCommand } from './reports/cli';

const [command, ...args] = process.argv.slice(2);
process.exitCode = command === 'tertialrapport' ? await tertialReportCommand(args) : await main(process.argv.slice(2));
