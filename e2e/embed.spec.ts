// Wiki embeds as a wiki shows them: pages served from other origins frame /embed/* (allowed) or try to (denied),
// against the real HAProxy the harness runs; badges in <img>; the dashboard itself refuses to be framed.
import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_EMBED_ORIGINS } from './harness/e2e-topology';

const APP = E2E.appUrl;
const AGENT1 = E2E.agents.agent1!.controlUrl;
// HAProxy: fall 3 × inter 1 s to DOWN, rise 3 to UP; the app polls every second and the embed refreshes at 1 s.
const FLIP_MS = 12_000;
const server = 'instance=main&backend=codeserver_backend&server=agent1';

/** Every kind of embed, with what shows it rendered live data. */
const EMBEDS: { name: string; path: string; shows: string }[] = [
  {
    name: 'backend',
    path: '/embed/backend?instance=main&backend=codeserver_backend&refresh=1',
    shows: 'embed-server-agent1',
  },
  { name: 'server', path: `/embed/server?${server}&refresh=1`, shows: 'embed-server' },
  {
    name: 'uptime',
    path: '/embed/uptime?instance=main&backend=codeserver_backend&range=1h',
    shows: 'embed-uptime',
  },
  { name: 'latency', path: `/embed/latency?${server}`, shows: 'embed-chart-latency' },
  {
    name: 'session-rate',
    path: `/embed/session-rate?${server}&theme=dark`,
    shows: 'embed-chart-session-rate',
  },
  { name: 'queue', path: `/embed/queue?${server}&legend=0`, shows: 'embed-chart-queue' },
  { name: 'pool-matrix', path: '/embed/pool-matrix', shows: 'embed-pool-matrix' },
  { name: 'pool', path: '/embed/pool?pool=pool-a', shows: 'embed-pool' },
  { name: 'alerts', path: '/embed/alerts', shows: 'embed-alerts' },
  {
    name: 'response-time',
    path: `/embed/response-time?${server}&range=6h`,
    shows: 'embed-chart-response-time',
  },
  {
    name: "a backend's own errors",
    path: '/embed/errors?instance=main&backend=codeserver_backend',
    shows: 'embed-chart-errors',
  },
];

/** A stand-in wiki: `/?src=…&src=…` frames each src; `/?img=…` shows a badge; the resize one-liner included. */
function wikiPage(url: URL): string {
  const frames = url.searchParams
    .getAll('src')
    .map(
      (src, i) =>
        `<iframe id="f${i}" data-src="${src}" src="${APP}${src}" width="100%" height="150" style="border:0"></iframe>`,
    )
    .join('\n');
  const images = url.searchParams
    .getAll('img')
    .map((src) => `<img id="badge" src="${APP}${src}" alt="badge">`)
    .join('\n');
  const resize = `<script>addEventListener('message',function(e){var d=e.data;if(e.origin!==${JSON.stringify(APP)}||!d||d.type!=='hapscope:height')return;document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source){f.style.height=d.height+'px';f.dataset.reported=d.id}})})</script>`;
  return `<!doctype html><html><head><title>wiki</title>${resize}</head><body style="width:800px">${frames}${images}</body></html>`;
}

function startWiki(origin: string): Promise<http.Server> {
  const { hostname, port } = new URL(origin);
  const wiki = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(wikiPage(new URL(req.url ?? '/', origin)));
  });
  return new Promise((resolve, reject) => {
    wiki.once('error', reject);
    wiki.listen(Number(port), hostname, () => resolve(wiki));
  });
}

const wikiUrl = (origin: string, params: [string, string][]) =>
  `${origin}/?${new URLSearchParams(params).toString()}`;

/** Collects the console's CSP framing refusals (Chromium logs them on the embedding page). */
function cspRefusals(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/frame-ancestors|X-Frame-Options/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

const wikis: http.Server[] = [];
test.beforeAll(async () => {
  wikis.push(await startWiki(E2E_EMBED_ORIGINS.allowed), await startWiki(E2E_EMBED_ORIGINS.denied));
});
test.afterAll(async () => {
  await Promise.all(wikis.map((w) => new Promise((resolve) => w.close(resolve))));
});

test.describe('embeds on a wiki page from an allowed origin', () => {
  test('every kind of embed renders live data in its frame', async ({ page }) => {
    await page.goto(
      wikiUrl(
        E2E_EMBED_ORIGINS.allowed,
        EMBEDS.map((e) => ['src', e.path]),
      ),
    );
    for (const [i, embed] of EMBEDS.entries()) {
      const frame = page.frameLocator(`#f${i}`);
      await expect(frame.getByTestId(embed.shows), embed.name).toBeVisible({ timeout: 15_000 });
      await expect(frame.getByTestId('embed-problem'), embed.name).toHaveCount(0);
    }
    const backend = page.frameLocator('#f0');
    await expect(backend.getByTestId('embed-server-agent1').getByTestId('status-badge')).toHaveAttribute(
      'data-status',
      'UP',
    );
    await expect(page.frameLocator('#f3').locator('.recharts-surface')).toBeVisible();
    // The errors chart's plot, not its legend's icons (also .recharts-surface).
    await expect(
      page
        .frameLocator('#f10')
        .getByTestId('chart-errors')
        .locator('svg.recharts-surface[role="application"]'),
    ).toBeVisible();
    await expect(
      page.frameLocator('#f6').getByTestId('embed-pool-cell-pool-a-codeserver_backend'),
    ).toBeVisible();
    // The frames told the page their height, and the one-line script applied it.
    await expect(page.locator('#f0')).toHaveAttribute('data-reported', 'backend');
    const height = await page.locator('#f0').evaluate((f) => parseFloat((f as HTMLElement).style.height));
    expect(height).toBeGreaterThan(150);
    // No navigation chrome, and the only link opens the dashboard in a new tab.
    await expect(backend.locator('nav')).toHaveCount(0);
    const links = backend.locator('a');
    for (const target of await links.evaluateAll((as) => as.map((a) => a.getAttribute('target'))))
      expect(target).toBe('_blank');
  });

  test('an embedded server follows the agent: UP → DOWN → UP', async ({ page }) => {
    await page.goto(
      wikiUrl(E2E_EMBED_ORIGINS.allowed, [
        ['src', EMBEDS[0]!.path],
        ['src', EMBEDS[1]!.path],
      ]),
    );
    const row = page.frameLocator('#f0').getByTestId('embed-server-agent1').getByTestId('status-badge');
    const card = page.frameLocator('#f1').getByTestId('embed-server').getByTestId('status-badge');
    await expect(row).toHaveAttribute('data-status', 'UP', { timeout: 15_000 });
    await setAgentMode(AGENT1, 'fail');
    try {
      await expect(row).toHaveAttribute('data-status', 'DOWN', { timeout: FLIP_MS });
      await expect(card).toHaveAttribute('data-status', 'DOWN', { timeout: 3000 });
      await expect(page.frameLocator('#f0').getByTestId('backend-status-badge')).toHaveAttribute(
        'data-status',
        'backup-only',
      );
    } finally {
      await setAgentMode(AGENT1, 'ok');
    }
    await expect(row).toHaveAttribute('data-status', 'UP', { timeout: FLIP_MS });
  });

  test('an unknown target or a bad parameter is explained inside the frame', async ({ page }) => {
    await page.goto(
      wikiUrl(E2E_EMBED_ORIGINS.allowed, [
        ['src', '/embed/backend?instance=main&backend=foo'],
        ['src', '/embed/uptime?instance=main&backend=codeserver_backend&range=2y&theme=purple'],
        ['src', '/embed/server?instance=nowhere&backend=x&server=y'],
      ]),
    );
    await expect(page.frameLocator('#f0').getByTestId('embed-problem')).toContainText(
      'No backend “foo” on instance “main”',
    );
    const bad = page.frameLocator('#f1').getByTestId('embed-problem');
    await expect(bad).toContainText('range: must be one of 1h, 6h, 24h, 7d, 30d, got "2y"');
    await expect(bad).toContainText('theme: must be one of auto, light, dark, got "purple"');
    await expect(page.frameLocator('#f2').getByTestId('embed-problem')).toContainText(
      'No instance “nowhere”',
    );
  });

  test('embeds send frame-ancestors with the allowed origin and no X-Frame-Options', async ({ request }) => {
    const res = await request.get(`${APP}${EMBEDS[0]!.path}`);
    expect(res.headers()['content-security-policy']).toBe(
      `frame-ancestors 'self' ${E2E_EMBED_ORIGINS.allowed}`,
    );
    expect(res.headers()['x-frame-options']).toBeUndefined();
  });
});

test.describe('framing refused', () => {
  test('an origin not in EMBED_ALLOWED_ORIGINS gets a blocked frame', async ({ page }) => {
    const refusals = cspRefusals(page);
    await page.goto(wikiUrl(E2E_EMBED_ORIGINS.denied, [['src', EMBEDS[0]!.path]]));
    await expect.poll(() => refusals.join('\n'), { timeout: 10_000 }).toContain('frame-ancestors');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).not.toContain('/embed/');
    await expect(page.frameLocator('#f0').getByTestId('embed-root')).toHaveCount(0);
    await expect(page.locator('#f0')).not.toHaveAttribute('data-reported', /.*/);
  });

  test('the dashboard itself refuses every framer, the allowed wiki included', async ({ page, request }) => {
    for (const path of ['/', '/backends/main/codeserver_backend', '/alerts', '/embed']) {
      const res = await request.get(`${APP}${path}`);
      expect(res.headers()['x-frame-options'], path).toBe('DENY');
      expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
    const refusals = cspRefusals(page);
    await page.goto(wikiUrl(E2E_EMBED_ORIGINS.allowed, [['src', '/']]));
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(page.frameLocator('#f0').getByTestId('server-table')).toHaveCount(0);
  });
});

test.describe('badges', () => {
  const badgePath = '/api/v1/badge/server/main/codeserver_backend/agent1.svg';
  const badgeText = async (page: Page) => {
    const res = await page.request.get(`${APP}${badgePath}`);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
    return /<title>([^<]*)<\/title>/.exec(await res.text())?.[1] ?? '';
  };

  test('a badge renders in an <img> on another origin and follows the agent', async ({ page }) => {
    await page.goto(wikiUrl(E2E_EMBED_ORIGINS.denied, [['img', badgePath]]));
    const img = page.locator('#badge');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => badgeText(page)).toBe('agent1: up');
    await setAgentMode(AGENT1, 'fail');
    try {
      await expect.poll(() => badgeText(page), { timeout: FLIP_MS }).toBe('agent1: down');
    } finally {
      await setAgentMode(AGENT1, 'ok');
    }
    await expect.poll(() => badgeText(page), { timeout: FLIP_MS }).toBe('agent1: up');
  });
});
