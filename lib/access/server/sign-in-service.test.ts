/** Health names an unusable OpenID provider before anyone tries to sign in, and forgets it once it answers. */
import { tmpdir } from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { startOidcProvider, type OidcProviderHandle } from '@/e2e/harness/oidc-provider';
import { parseConfig } from '@/lib/config/parse-config';
import { openStore } from '@/lib/store';
import { createAccessState } from './access-state';
import type { AccessParts } from './access-service';
import { probeOidc } from './sign-in-service';

const PORT = 18695;
const ISSUER = `http://127.0.0.1:${PORT}`;
let provider: OidcProviderHandle | null = null;
afterEach(async () => {
  await provider?.stop();
  provider = null;
});

function oidcParts(): AccessParts {
  const config = parseConfig({
    HAPROXY_STATS_URL: 'http://127.0.0.1:1/stats',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: 'hapscope',
  });
  // The store is opened on first use, and a sign-in probe never uses it.
  const store = openStore(tmpdir(), config.retention);
  return { config, store, access: createAccessState(config.auth) };
}

test('an unreachable provider is a health problem from start-up; it goes once discovery works', async () => {
  const parts = oidcParts();
  await probeOidc(parts, Date.now());
  expect([...parts.access.problems.values()]).toEqual([
    `Sign-in (AUTH_MODE=oidc): The sign-in provider ${ISSUER} could not be used: fetch failed (ECONNREFUSED). ` +
      'Nobody can sign in until it answers; check OIDC_ISSUER',
  ]);
  provider = await startOidcProvider({
    port: PORT,
    clientId: 'hapscope',
    clientSecret: null,
    redirectUris: ['http://localhost/api/v1/auth/oidc/callback'],
    accounts: {},
  });
  await probeOidc(parts, Date.now());
  expect([...parts.access.problems.values()]).toEqual([]);
});
