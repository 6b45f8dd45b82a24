// `node --import ./build/register-hbs.mjs`: lets Node import `*.hbs` as precompiled template specs.
import { register } from 'node:module';
register(new URL('./hbs-node-hook.mjs', import.meta.url));
