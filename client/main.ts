// `npm run client -- [command] [options]`: the console client (interactive menus on a terminal,
// subcommands for scripts). Everything is in run.ts; this file only hands it the process.
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), process.env);
