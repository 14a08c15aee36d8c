/**
 * API tokens from the command line, for scripts and Prometheus (api-v1.md "Access"), on the same store the server
 * uses (DATA_DIR from the environment or the config file):
 *   npm run token -- create --role viewer --name ci [--expires 30d]   prints the token as its last line
 *   npm run token -- list
 *   npm run token -- revoke <id>
 * It runs under the react-server condition (package.json), so the server-only modules it shares load.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@/lib/config/load-config';
import { ConfigError } from '@/lib/config/config-error';
import { openStore, type Store } from '@/lib/store';
import { isRole, ROLES } from '../roles';
import { apiTokensDto, createApiToken, revokeApiToken } from './revocables';

const USAGE = `usage: npm run token -- create --role ${ROLES.join('|')} --name <name> [--expires 30d]
       npm run token -- list
       npm run token -- revoke <id>`;

async function main(argv: string[], store: () => Store, now: number): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
  });
  const [command, id] = positionals;
  const actor = `cli ${process.env.USER ?? 'unknown'}`;
  if (command === 'create') {
    const days = values.expires === undefined ? null : /^(\d+)d$/.exec(values.expires)?.[1];
    if (!values.role || !isRole(values.role) || !values.name?.trim() || days === undefined || days === '0') {
      console.error(USAGE);
      return 2;
    }
    const { token, secret } = await createApiToken(
      store(),
      actor,
      { name: values.name.trim(), role: values.role, expiresInDays: days === null ? null : Number(days) },
      now,
    );
    console.error(
      `token ${token.id} "${token.name}" (${token.role}), expires ${token.expiresAt ?? 'never'}; shown once:`,
    );
    console.log(secret);
    return 0;
  }
  if (command === 'list') {
    for (const t of (await apiTokensDto(store(), now)).tokens)
      console.log(
        `${t.id}  ${t.state.padEnd(7)}  ${t.role.padEnd(8)}  ${t.name}  expires ${t.expiresAt ?? 'never'}`,
      );
    return 0;
  }
  if (command === 'revoke' && id) {
    const who = { kind: 'principal', name: actor, role: 'admin', via: 'none', detail: null } as const;
    if (await revokeApiToken(store(), who, id, now)) return 0;
    console.error(`no active token ${id}`);
    return 1;
  }
  console.error(USAGE);
  return 2;
}

/** The CLI's run: the store is opened only by a command that needs it, and closed at the end. */
async function run(): Promise<void> {
  let opened: Store | null = null;
  try {
    const config = loadConfig(process.env, process.cwd());
    process.exitCode = await main(
      process.argv.slice(2),
      () => (opened ??= openStore(config.dataDir, config.retention, Date.now, { database: config.database })),
      Date.now(),
    );
  } catch (error) {
    if (!(error instanceof ConfigError) && !(error instanceof TypeError)) throw error;
    console.error(
      error instanceof ConfigError ? `invalid configuration: ${error.message}` : `${error.message}\n${USAGE}`,
    );
    process.exitCode = 2;
  } finally {
    await (opened as Store | null)?.close();
  }
}

void run();
