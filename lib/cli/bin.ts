#!/usr/bin/env node
// The `privacy-desk` executable of the CLI bundle (scripts/build-cli.mjs). From source,
// bin/privacy-desk.mjs runs lib/cli/main.ts through tsx instead.
import { main, processIO } from './main';

process.exitCode = await main(process.argv.slice(2), processIO);
