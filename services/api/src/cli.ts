// `pnpm gevinst …`: the command-line tool (spreadsheet import, template and exports over HTTP; the tertial report).
import { main } from '@gevinst/spreadsheet/cli';
import { tertialReportCommand, TERTIAL_USAGE } from './reports/cli';

const [command, ...args] = process.argv.slice(2);
if (command === 'tertialrapport') process.exitCode = await tertialReportCommand(args);
else {
  process.exitCode = await main(process.argv.slice(2));
  if (command === undefined || command === 'help' || command === '--help') console.error(`\n${TERTIAL_USAGE}`);
}
