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
  ['components/ui/fixture.tsx', "import { HistoryStore } from '@/lib/store';\nvoid HistoryStore;\n"],
  ['components/panels/fixture.tsx', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  [
    'components/panels/fixture.tsx',
    "import { getPools } from '@/lib/pools/server/pools-service';\nvoid getPools;\n",
  ],
  [
    'components/ui/fixture.tsx',
    "import { useSnapshot } from '@/components/hooks/use-snapshot';\nvoid useSnapshot;\n",
  ],
  ['app/api/v1/fixture/route.ts', "import { HistoryStore } from '@/lib/store';\nvoid HistoryStore;\n"],
  [
    'app/api/v1/fixture/route.ts',
    "import { AlertEngine } from '@/lib/alerts/server/alert-engine';\nvoid AlertEngine;\n",
  ],
  [
    'lib/pools/server/fixture-service.ts',
    "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n",
  ],
  ['lib/health/fixture.ts', "import { HistoryStore } from '@/lib/store';\nvoid HistoryStore;\n"],
  ['lib/api/fixture.ts', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
  ['lib/store/fixture.ts', "import { getRuntime } from '@/lib/server/runtime';\nvoid getRuntime;\n"],
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
  ['lib/server/fixture.ts', "import { HistoryStore } from '@/lib/store';\nvoid HistoryStore;\n"],
])('%s may import that: %s', async (file, code) => {
  expect(await ruleIdsFor(file, code)).toEqual([]);
});
