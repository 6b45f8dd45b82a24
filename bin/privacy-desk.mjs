#!/usr/bin/env node
// Runs the TypeScript CLI in one Node process: tsx compiles TS, and a module hook
// precompiles `*.hbs` templates the way the extension build does.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

register(new URL('../build/hbs-node-hook.mjs', import.meta.url));
registerTsx();
const { main, processIO } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), processIO);
