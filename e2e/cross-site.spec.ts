// No cross-site writes (api-v1.md, "Access"): a page on another origin, opened in the same browser as a
// dashboard, tries the three requests a browser sends without a CORS preflight; none may change anything.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';

const WIKI_HOST = '127.0.0.4';
const WIKI = `http://${WIKI_HOST}:${E2E_SPEC_PORTS.crossSiteWiki}`;
const MUTE = { target: { pool: 'pool-a' }, durationMinutes: 10080, reason: 'cross-site' };

const wikiPage = `<!doctype html><title>wiki</title>
<form id="plain" method="POST" enctype="text/plain" action="${E2E.appUrl}/api/v1/mutes">
  <input name='{"target":{"pool":"pool-a"},"durationMinutes":10080,"x":"' value='"}'>
</form>
<form id="urlencoded" method="POST" action="${E2E.appUrl}/api/v1/mutes">
  <input name="durationMinutes" value="10080"><input name="target" value="pool-a">
</form>`;

let wiki: http.Server;

async function mutes(): Promise<{ id: number; reason: string | null }[]> {
  const body = (await fetch(`${E2E.appUrl}/api/v1/mutes`, { cache: 'no-store' }).then((r) => r.json())) as {
    mutes: { id: number; reason: string | null }[];
  };
  return body.mutes;
}

test.describe('no cross-site writes', () => {
  test.beforeAll(async () => {
    wiki = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(wikiPage),
    );
    await new Promise<void>((resolve) => wiki.listen(E2E_SPEC_PORTS.crossSiteWiki, WIKI_HOST, resolve));
  });
  test.afterAll(async () => {
    wiki.closeAllConnections();
    await new Promise((resolve) => wiki.close(resolve));
  });

  test('a page on another origin cannot mute or acknowledge: fetch no-cors, a text/plain form, a urlencoded form', async ({
    page,
    request,
  }) => {
    const before = await mutes();
    await page.goto(WIKI);
    await page.evaluate(
      async ({ app, body }) => {
        const plain = { method: 'POST', mode: 'no-cors' as const, headers: { 'content-type': 'text/plain' } };
        await fetch(`${app}/api/v1/mutes`, { ...plain, body });
        await fetch(`${app}/api/v1/alerts/any/ack`, { ...plain, body: '{}' });
      },
      { app: E2E.appUrl, body: JSON.stringify(MUTE) },
    );
    // Each form navigates the page to hapscope's answer, which is then readable like any page.
    for (const form of ['plain', 'urlencoded']) {
      await page.goto(WIKI);
      await page.locator(`#${form}`).evaluate((f) => (f as HTMLFormElement).submit());
      await page.waitForURL(`${E2E.appUrl}/api/v1/mutes`);
      await expect(page.locator('body'), form).toContainText('"code":"forbidden"');
    }
    expect(await mutes()).toEqual(before);

    // The answers themselves, read outside the browser with the headers a cross-site page sends.
    const refused = await request.post(`${E2E.appUrl}/api/v1/alerts/any/ack`, {
      headers: { origin: WIKI, 'content-type': 'application/json' },
      data: {},
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'forbidden',
        message: `cross-site request refused: Origin ${WIKI} is not ${E2E.appUrl}`,
      },
    });
    // No Origin and no token (a script): told what to send.
    const bare = await request.post(`${E2E.appUrl}/api/v1/mutes`, { data: MUTE });
    expect(bare.status()).toBe(403);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toContain(
      `send Origin: ${E2E.appUrl}`,
    );
    expect(await mutes()).toEqual(before);
  });

  test("a script that sends hapscope's own origin and JSON may act", async ({ request }) => {
    const created = await request.post(`${E2E.appUrl}/api/v1/mutes`, {
      headers: { origin: E2E.appUrl },
      data: { ...MUTE, reason: 'script' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const removed = await request.delete(`${E2E.appUrl}/api/v1/mutes/${id}`, {
      headers: { origin: E2E.appUrl, 'content-type': 'application/json' },
    });
    expect(removed.status()).toBe(204);
  });

  test("the dashboard's own page can, with JSON; the same request as text/plain cannot", async ({ page }) => {
    await page.goto(`${E2E.appUrl}/alerts`);
    const statuses = await page.evaluate(
      async (body) => {
        const post = (type: string) =>
          fetch('/api/v1/mutes', { method: 'POST', headers: { 'content-type': type }, body });
        const created = await post('application/json');
        const id = ((await created.json()) as { id: number }).id;
        const plain = await post('text/plain');
        const removed = await fetch(`/api/v1/mutes/${id}`, {
          method: 'DELETE',
          headers: { 'content-type': 'application/json' },
        });
        return [created.status, plain.status, removed.status];
      },
      JSON.stringify({ ...MUTE, reason: 'same-origin' }),
    );
    expect(statuses).toEqual([201, 403, 204]);
    expect((await mutes()).some((m) => m.reason === 'same-origin')).toBe(false);
  });
});
