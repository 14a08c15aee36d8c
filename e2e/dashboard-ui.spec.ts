// The overview's own controls (sorting, theme, keyboard, grouping) against the harness's real HAProxy.
import { expect, test, type Page } from '@playwright/test';

/** Server names of one backend in the order the table shows them (rows render in visual order). */
async function serverOrder(page: Page, instance: string, backend: string): Promise<string[]> {
  const prefix = `server-row-${instance}-${backend}-`;
  const ids = await page
    .locator(`[data-testid^="${prefix}"]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice(prefix.length));
}

test.describe('overview controls', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('server-row-main-api_backend-api1')).toBeVisible();
  });

  test('sort headers are buttons with aria-sort; the order lives in the URL without history entries', async ({
    page,
  }) => {
    await page.getByTestId('search-input').fill('api_backend');
    const historyBefore = await page.evaluate(() => history.length);
    const byName = page.getByTestId('sort-name');
    await expect(byName).toHaveAttribute('aria-sort', 'none');
    await byName.getByRole('button').click();
    await expect(byName).toHaveAttribute('aria-sort', 'ascending');
    await byName.getByRole('button').click();
    await expect(byName).toHaveAttribute('aria-sort', 'descending');
    await expect
      .poll(() => serverOrder(page, 'main', 'api_backend'))
      .toEqual(['api4', 'api3', 'api2', 'api1']);
    await expect(page).toHaveURL(/sort=name&dir=desc/);

    await page.getByTestId('sort-status').getByRole('button').click();
    await expect(page.getByTestId('sort-status')).toHaveAttribute('aria-sort', 'descending');
    await expect(byName).toHaveAttribute('aria-sort', 'none');
    // api3 starts disabled: MAINT outranks UP.
    await expect.poll(async () => (await serverOrder(page, 'main', 'api_backend'))[0]).toBe('api3');
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    await page.reload();
    await expect(page.getByTestId('sort-status')).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('search-input')).toHaveValue('api_backend');
    await expect.poll(async () => (await serverOrder(page, 'main', 'api_backend'))[0]).toBe('api3');
  });

  test('the theme toggle persists, and the saved theme is applied before any app script runs', async ({
    page,
  }) => {
    const toggle = page.getByTestId('theme-toggle');
    for (let i = 0; i < 3 && (await toggle.getAttribute('data-theme-pref')) !== 'dark'; i++)
      await toggle.click();
    await expect(toggle).toHaveAttribute('data-theme-pref', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Without the app's JavaScript only the inline head script can set the theme: no flash of light.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.unroute('**/_next/static/**/*.js');
    await page.reload();
    await toggle.click();
    await expect(toggle).toHaveAttribute('data-theme-pref', 'auto');
  });

  test('keyboard: "/" focuses search, the table takes focus, j/k move between rows, Enter folds a backend', async ({
    page,
  }) => {
    await page.locator('body').press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.type('codeserver_backend');
    await expect(page.getByTestId('server-row-main-grafana_backend-grafana1')).toHaveCount(0);

    await page.getByTestId('server-table').focus();
    await page.keyboard.press('j');
    const backendRow = page.getByTestId('backend-row-main-codeserver_backend');
    await expect(backendRow).toBeFocused();
    await page.keyboard.press('j');
    await expect(page.getByTestId('server-row-main-codeserver_backend-agent1')).toBeFocused();
    await page.keyboard.press('k');
    await expect(backendRow).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(backendRow.getByRole('button', { name: /^(Expand|Collapse) / })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(page.getByTestId('server-row-main-codeserver_backend-agent1')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('server-row-main-codeserver_backend-agent1')).toBeVisible();
  });

  test('status, name and a backend’s label stay in view when the table scrolls sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 900, height: 720 });
    const table = page.getByTestId('server-table');
    const row = page.getByTestId('server-row-main-api_backend-api1');
    const cells = row.getByRole('cell');
    const [status, name, third] = [cells.nth(0), cells.nth(1), cells.nth(2)];
    const backendLabel = page.getByTestId('backend-row-main-api_backend').getByTestId('backend-link');
    const left = async (locator: typeof row) => (await locator.boundingBox())!.x;
    const before = {
      status: await left(status),
      name: await left(name),
      third: await left(third),
      label: await left(backendLabel),
    };
    // Before it scrolls sideways nothing needs to stick (they sit where they would stick), and nothing does.
    await expect(table).not.toHaveAttribute('data-scrolled-sideways');
    await expect(status).toHaveCSS('position', 'static');

    await table.evaluate((el) => el.scrollBy({ left: 300 }));
    await expect(table).toHaveAttribute('data-scrolled-sideways', '');
    await expect(status).toHaveCSS('position', 'sticky');
    await expect.poll(() => left(third)).toBeCloseTo(before.third - 300, 0);
    expect(await left(status)).toBeCloseTo(before.status, 0);
    expect(await left(name)).toBeCloseTo(before.name, 0);
    expect(await left(backendLabel)).toBeCloseTo(before.label, 0);

    await table.evaluate((el) => el.scrollTo({ left: 0 }));
    await expect(table).not.toHaveAttribute('data-scrolled-sideways');
    await expect(status).toHaveCSS('position', 'static');
    expect(await left(third)).toBeCloseTo(before.third, 0);
  });

  test('a status badge says its state in text and keeps HAProxy’s own wording in its tooltip', async ({
    page,
  }) => {
    await page.getByTestId('search-input').fill('static1');
    const badge = page.getByTestId('server-row-main-static_backend-static1').getByTestId('status-badge');
    await expect(badge).toHaveAttribute('data-status', 'NOCHECK');
    await expect(badge).toHaveText('no check');
    await expect(badge).toHaveAttribute('title', /"no check"/);
  });

  test('the column chooser: a checkbox per column and per group, kept in the URL, reset to defaults', async ({
    page,
  }) => {
    await page.getByTestId('search-input').fill('api_backend');
    const historyBefore = await page.evaluate(() => history.length);
    // The defaults add last session, the 5xx rate and the response time to today's columns; bytes are optional.
    for (const id of ['last-session', 'http-5xx-rate', 'time-response', 'latency', 'sessions'])
      await expect(page.getByTestId(`sort-${id}`)).toBeVisible();
    await expect(page.getByTestId('sort-bytes-in')).toHaveCount(0);
    await expect(page.getByTestId('cell-api3-lastSession').first()).toHaveText(/^(never|\d+s|\d+m \d+s)$/);

    const chooser = page.getByTestId('column-chooser');
    await chooser.click();
    await expect(chooser).toHaveAttribute('aria-expanded', 'true');
    const dialog = page.getByRole('dialog', { name: 'Columns of the server table' });
    await expect(dialog.getByRole('checkbox').first()).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Reset to defaults' })).toBeDisabled();
    const bytes = dialog.getByRole('group', { name: 'Bytes' });
    await bytes.getByRole('checkbox', { name: 'Bytes' }).check();
    await expect(page.getByTestId('sort-bytes-in')).toBeVisible();
    await expect(page.getByTestId('sort-bytes-out')).toBeVisible();
    await expect(page).toHaveURL(/cols=[^&]*bytes-in,bytes-out/);
    await bytes.getByRole('checkbox', { name: 'Out' }).uncheck();
    await expect(page.getByTestId('sort-bytes-out')).toHaveCount(0);
    const groupBox = bytes.getByRole('checkbox', { name: 'Bytes' });
    expect(await groupBox.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    // Status and name cannot be turned off.
    await expect(dialog.getByRole('checkbox', { name: 'Status' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(chooser).toBeFocused();
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // A link reproduces the view, figures in human units included.
    await page.reload();
    await expect(page.getByTestId('sort-bytes-in')).toBeVisible();
    await expect(page.getByTestId('sort-bytes-out')).toHaveCount(0);
    const bytesIn = page.getByTestId('server-row-main-api_backend-api1').getByTestId('cell-api1-bytes-in');
    await expect(bytesIn).toHaveText(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
    await page.getByTestId('sort-bytes-in').getByRole('button').click();
    await expect(page.getByTestId('sort-bytes-in')).toHaveAttribute('aria-sort', 'descending');

    await chooser.click();
    await dialog.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(page.getByTestId('sort-bytes-in')).toHaveCount(0);
    await expect(page).not.toHaveURL(/cols=/);
    // The sort went with its column: no order comes from a column no one can see.
    await expect(page).not.toHaveURL(/sort=bytes-in/);
  });

  test('a cols= link with unknown names keeps the known ones', async ({ page }) => {
    await page.goto('/?q=api1&cols=weight,no-such-column,time-total');
    await expect(page.getByTestId('sort-weight')).toBeVisible();
    await expect(page.getByTestId('sort-time-total')).toBeVisible();
    await expect(page.getByTestId('sort-status')).toBeVisible();
    await expect(page.getByTestId('sort-name')).toBeVisible();
    await expect(page.getByTestId('sort-latency')).toHaveCount(0);
    await expect(page.getByTestId('cell-api1-weight').first()).toHaveText('1');
  });
});
