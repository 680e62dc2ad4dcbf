// `pnpm gevinst …`: the command-line tool (spreadsheet import, template and exports over HTTP).
import { main } from '@gevinst/spreadsheet/cli';

process.exitCode = await main(process.argv.slice(2));
