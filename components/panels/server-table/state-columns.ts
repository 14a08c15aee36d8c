/** The server table's identity and state columns: who the server is, how its checks go, how long it has been up. */
import { backendKey, serverKey } from '@/lib/health/server-key';
import type { Backend, Server } from '@/lib/health/types';
import { formatDuration, formatMs, formatPct } from '../../ui/format';
import { formatThrottle } from './cell-format';
import { checkView } from './check-view';
import { both, col, TEXT } from './column-def';
import { ageNow, figure, quietZero, ratio, text, type ProxyRow } from './column-readings';
import { serverStatusView } from './status';

export const IDENTITY_COLUMNS = [
  col({
    id: 'status',
    group: 'server',
    label: 'Status',
    title: 'Server state; HAProxy’s own text (status) in the tooltip',
    minWidth: 124,
    align: 'start',
    fixed: true,
    cell: 'status',
    server: { sort: (s) => serverStatusView(s).severity, text: (s) => serverStatusView(s).label },
  }),
  col({
    id: 'name',
    group: 'server',
    label: 'Server',
    choice: 'Name',
    title: 'Server name (svname); the backend’s on group rows',
    minWidth: 170,
    width: 'minmax(170px, 1.6fr)',
    ...TEXT,
    fixed: true,
    cell: 'name',
    server: text((s) => s.name),
  }),
  col({
    id: 'role',
    group: 'server',
    label: 'Role',
    choice: 'Act / Bck',
    title: 'Active or backup server (act, bck)',
    minWidth: 76,
    align: 'start',
    cell: 'role',
    server: { sort: (s) => (s.backup ? 1 : 0), text: (s) => (s.backup ? 'backup' : 'active') },
  }),
  col({
    id: 'address',
    group: 'hapscope',
    label: 'Address',
    title: 'Server address (addr)',
    minWidth: 140,
    width: 'minmax(140px, 1fr)',
    ...TEXT,
    cell: 'address',
    server: text((s) => s.address),
  }),
  col({
    id: 'node',
    group: 'hapscope',
    label: 'Node',
    title: 'Kubernetes node the server runs on',
    minWidth: 130,
    ...TEXT,
    cell: 'node',
    server: text((s) => s.node),
  }),
  col({
    id: 'pool',
    group: 'hapscope',
    label: 'Pool',
    title: 'Location pool of the node',
    minWidth: 110,
    ...TEXT,
    cell: 'pool',
    server: text((s) => s.pool),
  }),
  col({
    id: 'check',
    group: 'server',
    label: 'Check',
    choice: 'Last check',
    title: 'Last health check: check_status and check_code; check_desc and last_chk in the tooltip',
    minWidth: 132,
    ...TEXT,
    cell: 'check',
    server: {
      sort: (s) => {
        const v = checkView(s.check);
        return `${v.failing ? 0 : 1}${v.text}`;
      },
      text: (s) => checkView(s.check).text,
    },
  }),
  col({
    id: 'latency',
    group: 'hapscope',
    label: 'Latency',
    choice: 'Check latency',
    title: 'Duration of the last health check (check_duration)',
    minWidth: 90,
    server: figure((s) => s.check.durationMs, formatMs),
  }),
];

export const STATE_COLUMNS = [
  col({
    id: 'last-change',
    group: 'server',
    label: 'Changed',
    choice: 'Last change',
    title: 'Time since the last UP/DOWN change (lastchg)',
    minWidth: 98,
    firstDir: 'asc',
    ...both({
      sort: (r, ctx, backend) => ageNow(r, ctx, backend, 'lastChangeSec'),
      text: (r, ctx, backend) => formatDuration(ageNow(r, ctx, backend, 'lastChangeSec')),
    }),
  }),
  col({
    id: 'downtime',
    group: 'server',
    label: 'Downtime',
    choice: 'Downtime',
    title: 'Total time DOWN since HAProxy started (downtime)',
    minWidth: 102,
    ...both(quietZero((r: ProxyRow) => r.downtimeSec, formatDuration)),
  }),
  col({
    id: 'checks',
    group: 'server',
    label: 'Chk / Dwn',
    choice: 'Chk / Dwn',
    title: 'Failed checks / UP→DOWN transitions since start (chkfail, chkdown)',
    minWidth: 110,
    server: ratio((s) => [s.checkFailures, s.checkDowns]),
  }),
  col({
    id: 'check-failures',
    group: 'server',
    label: 'Chk',
    title: 'Failed health checks (chkfail)',
    minWidth: 64,
    server: quietZero((s) => s.checkFailures),
  }),
  col({
    id: 'check-downs',
    group: 'server',
    label: 'Dwn',
    title: 'UP→DOWN transitions (chkdown)',
    minWidth: 64,
    server: quietZero((s) => s.checkDowns),
  }),
  col({
    id: 'weight',
    group: 'server',
    label: 'Weight',
    choice: 'Weight',
    title: 'Load-balancing weight (weight)',
    minWidth: 84,
    server: figure((s) => s.weight),
  }),
  col({
    id: 'throttle',
    group: 'server',
    label: 'Throttle',
    choice: 'Throttle',
    title: 'Slowstart throttle while the server comes back (throttle); a dash when not throttled',
    minWidth: 96,
    server: figure((s) => s.throttlePct, formatThrottle),
  }),
  col({
    id: 'uptime',
    group: 'hapscope',
    label: '24h',
    choice: 'Uptime 24h',
    title: 'Uptime over the last 24 hours, from the history (planned time left out)',
    minWidth: 74,
    server: {
      sort: (s, ctx, b) => serverUptime(s, ctx.uptimeOf, b),
      text: (s, ctx, b) => formatPct(serverUptime(s, ctx.uptimeOf, b)),
    },
    backend: {
      sort: (b, ctx) => ctx.uptimeOf(backendKey(b.instance, b.name)) ?? null,
      text: (b, ctx) => formatPct(ctx.uptimeOf(backendKey(b.instance, b.name))),
    },
  }),
];

function serverUptime(
  server: Server,
  uptimeOf: (key: string) => number | null | undefined,
  backend: Backend,
) {
  return (
    uptimeOf(serverKey({ instance: backend.instance, backend: backend.name, server: server.name })) ?? null
  );
}
