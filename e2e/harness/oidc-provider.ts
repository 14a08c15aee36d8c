/**
 * A real OpenID Connect provider (the `oidc-provider` package, in this process) on 127.0.0.1 for tests: in-memory
 * storage, PKCE required, its development login form (any password for a listed account), a groups claim.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface OidcTestAccount {
  /** A string is sent as it is: some providers send groups comma-separated. */
  groups: string[] | string;
  email?: string;
  /** `preferred_username`; the login unless given, left out when null. */
  username?: string | null;
}

export interface OidcProviderOptions {
  port: number;
  clientId: string;
  /** null: a public client (token_endpoint_auth_method none). */
  clientSecret: string | null;
  redirectUris: string[];
  accounts: Record<string, OidcTestAccount>;
  /** The claim, and the scope of the same name, carrying groups; default `groups`. */
  groupsClaim?: string;
  /** true (default): scope claims also go in the ID token; false: only userinfo has them (the spec's default). */
  claimsInIdToken?: boolean;
}

export interface OidcProviderHandle {
  issuer: string;
  stop(): Promise<void>;
}

// The package ships no types (DefinitelyTyped's are not installed); this is the little of it the harness uses.
type ProviderClass = new (
  issuer: string,
  configuration: object,
) => { callback(): (req: IncomingMessage, res: ServerResponse) => void };
const OIDC_PROVIDER_MODULE: string = 'oidc-provider';

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProviderHandle> {
  const { Provider } = (await import(OIDC_PROVIDER_MODULE)) as { Provider: ProviderClass };
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, providerConfiguration(options));
  const server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { issuer, stop };
}

function providerConfiguration(options: OidcProviderOptions): object {
  const groupsClaim = options.groupsClaim ?? 'groups';
  return {
    clients: [
      {
        client_id: options.clientId,
        ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
        token_endpoint_auth_method: options.clientSecret ? 'client_secret_basic' : 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['preferred_username'],
      email: ['email'],
      [groupsClaim]: [groupsClaim],
    },
    conformIdTokenClaims: options.claimsInIdToken === false,
    pkce: { required: () => true },
    // Own keys and lifetimes: the package's quick-start defaults print a notice on every first use.
    jwks: {
      keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })],
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (_ctx: unknown, sub: string) => findAccount(options.accounts, groupsClaim, sub),
  };
}

function findAccount(accounts: Record<string, OidcTestAccount>, groupsClaim: string, sub: string) {
  if (!Object.hasOwn(accounts, sub)) return undefined; // the login form accepts any name: only these exist
  const account = accounts[sub]!;
  const username = account.username === undefined ? sub : account.username;
  return {
    accountId: sub,
    claims: () => ({
      sub,
      ...(username === null ? {} : { preferred_username: username }),
      ...(account.email ? { email: account.email } : {}),
      [groupsClaim]: account.groups,
    }),
  };
}
