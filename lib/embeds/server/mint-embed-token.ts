/**
 * Mints an embed token: `npm run mint-embed-token -- <panel> <target> [ttl]`, with the EMBED_TOKEN_SECRET the
 * server reads (the environment, else the config file).
 *   panel   backend | server | uptime | latency | session-rate | queue | pool | pool-matrix | alerts | *
 *   target  instance/backend, instance/backend/server, pool:<name>, or * (any)
 *   ttl     30m, 12h, 30d … (default 30d)
 * Prints the token; append `&token=…` to the embed URL.
 */
import { ConfigError } from '@/lib/config/config-error';
import { loadConfig } from '@/lib/config/load-config';
import { EMBED_PANELS } from '@/lib/embeds/embed-params';
import { signEmbedToken } from '@/lib/embeds/embed-token';

const UNITS: Record<string, number> = { m: 60, h: 3600, d: 86_400 };

function main(argv: string[]): number {
  const [panel, target, ttl = '30d'] = argv;
  const secret = loadConfig(process.env, process.cwd()).embedTokenSecret;
  const match = /^(\d+)([mhd])$/.exec(ttl);
  if (!panel || !target || !match || !secret) {
    console.error('usage: EMBED_TOKEN_SECRET=… npm run mint-embed-token -- <panel> <target> [ttl, e.g. 30d]');
    return 2;
  }
  if (panel !== '*' && !(EMBED_PANELS as readonly string[]).includes(panel)) {
    console.error(`unknown panel "${panel}": one of ${EMBED_PANELS.join(', ')} or *`);
    return 2;
  }
  const exp = Math.floor(Date.now() / 1000) + Number(match[1]) * UNITS[match[2]!]!;
  console.log(signEmbedToken({ panel, target, exp }, secret));
  console.error(`valid until ${new Date(exp * 1000).toISOString()} for ${panel} ${target}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`invalid configuration: ${error.message}`);
  process.exitCode = 2;
}
