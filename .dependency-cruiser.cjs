// Import rules (STYLE.md), checked in `npm test`. A violation fails the run.
const BROWSER_APIS = '^(webextension-polyfill|wxt|dexie|preact)';
const PURE = '^lib/(model|law|detect|dom)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'model-imports-only-zod',
      comment: 'lib/model holds schemas: it imports zod and nothing else of ours or anyone else.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: { pathNot: ['^lib/model/', 'node_modules/zod/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-modules-import-only-model',
      comment: 'lib/law, lib/detect and lib/dom import nothing of ours but lib/model.',
      severity: 'error',
      from: { path: '^lib/(law|detect|dom)/' },
      to: { path: '^(lib|entrypoints)/', pathNot: ['^lib/model/', '^lib/(law|detect|dom)/'] },
    },
    {
      name: 'pure-modules-no-browser-apis',
      comment: 'model, law, detect and dom never reach browser extension APIs, the database or UI libraries.',
      severity: 'error',
      from: { path: PURE },
      to: { path: `node_modules/${BROWSER_APIS.slice(1)}` },
    },
    {
      name: 'register-is-pure',
      comment: 'lib/register (completeness, vocabularies, CSV/JSON) imports only lib/model, zod and papaparse.',
      severity: 'error',
      from: { path: '^lib/register/' },
      to: { pathNot: ['^lib/(model|register)/', 'node_modules/(zod|papaparse)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'hosts-import-model-and-dom-only',
      severity: 'error',
      from: { path: '^lib/hosts/' },
      to: { path: '^(lib|entrypoints)/', pathNot: ['^lib/(model|dom|hosts)/'] },
    },
    {
      name: 'documents-no-browser-apis',
      comment: 'lib/documents is data in, bytes out: it runs in Node and in the service worker.',
      severity: 'error',
      from: { path: '^lib/documents/' },
      to: { path: [`node_modules/${BROWSER_APIS.slice(1)}`, '^lib/(db|messaging)/', '^entrypoints/'] },
    },
    {
      name: 'documents-no-full-handlebars',
      comment: 'Only handlebars/runtime ships in the extension: the compiler needs eval, which MV3 allows only in the template sandbox page.',
      severity: 'error',
      from: { path: '^(lib|entrypoints)/', pathNot: ['^entrypoints/templates\\.sandbox/', '^lib/cli/'] },
      to: { dependencyTypesNot: ['type-only'], path: 'node_modules/handlebars/', pathNot: 'node_modules/handlebars/(runtime|dist/cjs/handlebars\\.runtime|dist/cjs/handlebars/(runtime|base|utils|exception|safe-string|helpers|decorators|logger|internal|no-conflict))' },
    },
    {
      name: 'content-script-never-reaches-db-or-documents',
      comment: 'The content script runs in the helpdesk page: no database (it would belong to the helpdesk origin), no PDF code.',
      severity: 'error',
      from: { path: '^entrypoints/helpdesk\\.content/' },
      to: { path: ['^lib/(db|documents|audit)/', 'node_modules/(dexie|pdf-lib|@pdf-lib|handlebars|marked|hyphen)/'] },
    },
    {
      name: 'db-not-in-pure-libs',
      severity: 'error',
      from: { path: '^lib/(documents|detect|law|hosts|dom|model|messaging)/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'no-node-builtins-in-extension-code',
      comment: 'Node built-ins only in the CLI and the Node font loader.',
      severity: 'error',
      from: { path: '^(lib|entrypoints)/', pathNot: ['^lib/cli/', '^lib/documents/fonts-node\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-never-reaches-the-browser-database-or-documents',
      comment: 'The team server relays ciphertext: it never imports the browser database or the document engine (its tests may drive browsers against it).',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/test/' },
      to: { path: ['^lib/(db|documents)/', '^entrypoints/'] },
    },
    {
      name: 'extension-never-imports-the-server',
      comment: 'pg, Fastify and PGlite stay out of the extension bundles.',
      severity: 'error',
      from: { path: '^(lib|entrypoints)/' },
      to: { path: ['^server/', 'node_modules/(pg|fastify|@fastify|@electric-sql|node-pg-migrate)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    exclude: { path: '\\.hbs$' },
  },
};
