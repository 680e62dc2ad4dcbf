// `pnpm gevinst …`: the command-line tool (spreadsheet import, template and exports over HTTP).
import { main } from '../../../packages/spreadsheet/src/cli';

process.exitCode = await main(process.argv.slice(2));
