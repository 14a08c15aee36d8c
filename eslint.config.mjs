import boundaries from 'eslint-plugin-boundaries';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * The layers, from the inside out (ARCHITECTURE.md). Each may import only the layers listed under `allow`:
 * the domain model imports nothing else, the browser never reaches server code, routes reach only services (and
 * getRuntime(), whose parts they hand to them).
 */
const FEATURES = '(access|alerts|badges|embeds|metrics|pools|history|snapshot|problems)';
const LAYERS = {
  domain: 'lib/health/**',
  service: `lib/${FEATURES}/server/*-service.ts`,
  'feature-server': `lib/${FEATURES}/server/**`,
  feature: `lib/${FEATURES}/**`,
  contract: 'lib/api/**',
  runtime: 'lib/server/**',
  // The store's door (lib/store/index.ts): its interface, the plain data it takes and gives, openStore().
  store: 'lib/store/index.ts',
  // The rest of lib/store: the SQLite store and its SQL, reached from outside through the door only.
  'store-impl': 'lib/store/**',
  adapter: 'lib/(haproxy|k8s|config|collector|sse|http)/**',
  testing: 'lib/testing/**',
  ui: 'components/ui/**',
  charts: 'components/charts/**',
  hooks: 'components/hooks/**',
  'alerts-ui': 'components/alerts/**',
  panels: 'components/(panels|shell)/**',
  route: 'app/**/route.ts',
  page: 'app/**',
  entry: '(instrumentation|proxy).ts',
};
// Boundaries takes the first element whose pattern matches a file's full path: the order above is the precedence.
export const ELEMENTS = Object.entries(LAYERS).map(([type, pattern]) => ({ type, pattern, mode: 'full' }));

const pure = ['domain', 'feature', 'contract'];
export const LAYER_RULES = [
  { from: 'domain', allow: ['domain'] },
  { from: 'feature', allow: ['feature', 'domain', 'contract'] },
  { from: 'contract', allow: ['contract', 'domain', 'feature'] },
  { from: 'adapter', allow: ['adapter', 'store', ...pure] },
  { from: 'store', allow: ['store-impl', 'adapter', ...pure] },
  { from: 'store-impl', allow: ['store-impl', 'adapter', ...pure] },
  // Services get the runtime's parts as a parameter: only entry points know the composition root.
  { from: 'feature-server', allow: ['feature-server', 'service', 'adapter', 'store', ...pure] },
  { from: 'service', allow: ['feature-server', 'service', 'adapter', 'store', ...pure] },
  { from: 'runtime', allow: ['runtime', 'feature-server', 'service', 'adapter', 'store', ...pure] },
  { from: 'route', allow: ['service', 'contract', 'runtime'] },
  {
    from: 'page',
    allow: ['page', 'service', 'runtime', 'ui', 'charts', 'hooks', 'alerts-ui', 'panels', ...pure],
  },
  // proxy.ts sends a browser without a session to sign in: it asks the access service.
  { from: 'entry', allow: ['runtime', 'service', ...pure] },
  { from: 'ui', allow: ['ui', ...pure] },
  { from: 'charts', allow: ['charts', 'ui', ...pure] },
  { from: 'hooks', allow: ['hooks', ...pure] },
  { from: 'alerts-ui', allow: ['alerts-ui', 'hooks', 'ui', ...pure] },
  { from: 'panels', allow: ['panels', 'alerts-ui', 'hooks', 'charts', 'ui', ...pure] },
  { from: 'testing', allow: ['testing', 'adapter', 'store', ...pure] },
];

/** What tests, benches and scripts outside lib/store may not import of it: all but the door and its fixtures. */
export const STORE_INSIDE = {
  patterns: [
    {
      group: ['@/lib/store/*', '!@/lib/store/*-fixture', '**/lib/store/*', '!**/lib/store/*-fixture'],
      message: "the store is reached through its door, '@/lib/store' (lib/store/index.ts)",
    },
  ],
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'next-env.d.ts',
    ],
  },
  {
    files: ['app/**', 'components/**', 'lib/**', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['app/**', 'components/**', 'lib/**', 'instrumentation.ts', 'proxy.ts'],
      'boundaries/ignore': ['**/*.d.ts', '**/*.test.ts', '**/*.test.tsx'],
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
    },
    rules: {
      'boundaries/element-types': ['error', { default: 'disallow', rules: LAYER_RULES }],
      'boundaries/no-unknown-files': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Tests, benches and the demo (which the layers above do not cover) open the store through its door too.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', '*.ts', '*.mjs'],
    ignores: ['lib/store/**'],
    rules: { 'no-restricted-imports': ['error', STORE_INSIDE] },
  },
  {
    // The domain model is pure: no I/O, no Node built-ins, so it runs the same in tests, the server and the browser.
    files: ['lib/health/**'],
    rules: { 'import/no-nodejs-modules': 'error' },
  },
];

export default config;
