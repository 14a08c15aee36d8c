// The layer rules of eslint.config.mjs, shown to fail: a file placed in a layer imports what that layer may not.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  // import/no-cycle walks real files on disk, and the fixtures here exist only as text.
  eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
});

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

test.each([
  ['components/ui/fixture.tsx', "import { openStore } from '@/lib/store';\nvoid openStore;\n"],
  ['components/panels/fixture.tsx', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  [
    'components/panels/fixture.tsx',
    "import { getPools } from '@/lib/pools/server/pools-service';\nvoid getPools;\n",
  ],
  [
    'components/ui/fixture.tsx',
    "import { useSnapshot } from '@/components/hooks/use-snapshot';\nvoid useSnapshot;\n",
  ],
  ['app/api/v1/fixture/route.ts', "import { openStore } from '@/lib/store';\nvoid openStore;\n"],
  [
    'app/api/v1/fixture/route.ts',
    "import { AlertEngine } from '@/lib/alerts/server/alert-engine';\nvoid AlertEngine;\n",
  ],
  [
    'lib/pools/server/fixture-service.ts',
    "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n",
  ],
  ['lib/health/fixture.ts', "import { openStore } from '@/lib/store';\nvoid openStore;\n"],
  ['lib/api/fixture.ts', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  ['lib/store/fixture.ts', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  // Only lib/store reaches past its door (lib/store/index.ts): the SQLite store, its connection, its SQL.
  [
    'lib/alerts/server/fixture.ts',
    "import { saveAlertChanges } from '@/lib/store/alert-store';\nvoid saveAlertChanges;\n",
  ],
  ['lib/access/server/fixture.ts', "import { openHistoryDb } from '@/lib/store/db';\nvoid openHistoryDb;\n"],
  ['lib/server/fixture.ts', "import { SqliteStore } from '@/lib/store/sqlite-store';\nvoid SqliteStore;\n"],
  [
    'lib/server/fixture.ts',
    "import { PostgresStore } from '@/lib/store/postgres-store';\nvoid PostgresStore;\n",
  ],
  [
    'lib/collector/fixture.ts',
    "import { HistoryWriter } from '@/lib/store/history-writer';\nvoid HistoryWriter;\n",
  ],
])('%s may not import that: %s', async (file, code) => {
  expect(await ruleIdsFor(file, code)).toEqual(['boundaries/element-types']);
});

test('the domain model imports no Node built-in', async () => {
  const ids = await ruleIdsFor(
    'lib/health/fixture.ts',
    "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n",
  );
  expect(ids).toEqual(['import/no-nodejs-modules']);
});

test.each([
  [
    'app/api/v1/fixture/route.ts',
    "import { getPools } from '@/lib/pools/server/pools-service';\nvoid getPools;\n",
  ],
  ['app/api/v1/fixture/route.ts', "import { jsonError } from '@/lib/api/errors';\nvoid jsonError;\n"],
  ['app/api/v1/fixture/route.ts', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  [
    'components/panels/fixture.tsx',
    "import { backendKey } from '@/lib/health/server-key';\nvoid backendKey;\n",
  ],
  ['lib/server/fixture.ts', "import { openStore } from '@/lib/store';\nvoid openStore;\n"],
  [
    'lib/alerts/server/fixture.ts',
    "import type { AlertStore } from '@/lib/store';\nexport type A = AlertStore;\n",
  ],
  ['lib/store/fixture.ts', "import { openHistoryDb } from './db';\nvoid openHistoryDb;\n"],
  ['lib/store/fixture.ts', "import { SqliteStore } from '@/lib/store/sqlite-store';\nvoid SqliteStore;\n"],
])('%s may import that: %s', async (file, code) => {
  expect(await ruleIdsFor(file, code)).toEqual([]);
});

test.each([
  ['lib/history/server/fixture.test.ts', "import { HistoryWriter } from '@/lib/store/history-writer';"],
  ['lib/alerts/server/fixture.test.ts', "import { listAlerts } from '@/lib/store/alert-store';"],
  ['e2e/bench/fixture.ts', "import { openHistoryDb } from '@/lib/store/db';"],
  ['e2e/harness/fixture.ts', "import { openHistoryDb } from '../../lib/store/db';"],
])('outside lib/store, a test or a script may not reach past the door either: %s, %s', async (file, line) => {
  expect(await ruleIdsFor(file, `${line}\nexport const used = [${/\{ (\w+) \}/.exec(line)![1]}];\n`)).toEqual(
    ['no-restricted-imports'],
  );
});

test.each([
  ['e2e/bench/fixture.ts', "import { openStore } from '@/lib/store';"],
  ['e2e/bench/fixture.ts', "import { generateMonth } from '@/lib/store/bench-fixture';"],
  ['lib/history/server/fixture.test.ts', "import { mountTmpfs } from '@/lib/store/tmpfs-fixture';"],
  ['lib/store/fixture.test.ts', "import { HistoryWriter } from './history-writer';"],
])(
  'tests and scripts may open the store through its door, and use its fixtures: %s, %s',
  async (file, line) => {
    expect(
      await ruleIdsFor(file, `${line}\nexport const used = [${/\{ (\w+) \}/.exec(line)![1]}];\n`),
    ).toEqual([]);
  },
);
