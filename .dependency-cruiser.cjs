// The three layers of src/ (STYLE.md), checked in `npm test`: domain <- data <- elements.
// domain (pure rules) imports nothing of data or elements; data (api, client, store, i18n) imports
// nothing of elements. The server may use domain and the contract, never the browser elements.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds business rules without Lit, DOM, fetch or storage: it imports only other domain modules.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(api|client|store|elements)/|^src/(client|index)\\.ts$' },
    },
    {
      name: 'domain-names-languages-only',
      comment: 'Domain code may name a language (the Locale type) but not use messages or formatting, which are presentation.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/i18n/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-has-no-runtime-dependencies',
      comment: 'Domain code runs in Node tests and on the server unchanged: no packages (lit, idb, zod).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'data-does-not-reach-up',
      comment: 'The data layer (contract, client, store, messages) knows nothing of the elements.',
      severity: 'error',
      from: { path: '^src/(api|client|store|i18n)/|^src/client\\.ts$' },
      to: { path: '^src/elements/|^src/index\\.ts$' },
    },
    {
      name: 'server-uses-no-elements',
      comment: 'The reference server shares the contract and the domain, not the browser widgets.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/elements/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(test|stories)\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
