// End to end: the dashboard in Debian's chromium against the services of deploy/local/up.sh.
// Every figure a chart shows is compared with what the API answers for the same user and range.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AXE, CHROMIUM, ROOT, WEB, api, ok, localDay, postEvents, waitFor } from './support.js';

// Screenshots go to docs/screenshots when asked for (UPDATE_SCREENSHOTS=1), else to a temp folder.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/screenshots') : path.join(tmpdir(), 'tiempocheck-web-screenshots');
const PASSWORD = 'contraseña-de-prueba-1';
// A zone where it is day time now, so today's events never cross the local midnight.
const ZONE = ['America/Mexico_City', 'Europe/Madrid', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Auckland']
  .find((tz) => { const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(new Date())); return hour >= 4 && hour <= 21; });
const MIN = 60_000;
const DAY = 86_400_000;

if (!existsSync(CHROMIUM)) {
  test('dashboard end to end', { skip: `NO BROWSER: ${CHROMIUM} is missing (deploy/local/web-tests.sh installs Debian's chromium)` }, () => {});
} else {
  let browser;
  let page;
  let token; // the tab's session token, read from sessionStorage
  let device; // a device token, for the events the extension would send
  const user = `web${Date.now().toString(36)}`;
  const now = Date.now();

  const goto = async (name) => {
    await page.evaluate((n) => { location.hash = `#/${n}`; }, name);
    await page.waitForFunction((n) => document.querySelector('main').dataset.pagina === n && document.querySelector('main h1'), name);
  };
  const tableSeconds = (locator) => locator.locator('td[data-segundos]').evaluateAll((tds) => tds.map((td) => Number(td.dataset.segundos)));
  const chartData = (key) => page.evaluate((k) => {
    const chart = window.Chart.getChart(document.querySelector(`[data-grafico="${k}"]`));
    return { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
  }, key);
  const axe = async (name) => {
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name}`);
  };
  const shot = async (name) => { await page.screenshot({ path: path.join(SHOTS, `web-${name}.png`), fullPage: true }); };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ locale: 'es-ES', timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => { throw e; });
    page.on('dialog', (d) => d.accept());
  });

  after(async () => {
    if (token) await api('ingest', '/api/v1/cuenta', token, { method: 'DELETE', body: { contrasena: PASSWORD } });
    await browser?.close();
  });

  test('sign up opens the Resumen page, and the sign-in page passes axe', async () => {
    await page.goto(WEB);
    await page.getByRole('heading', { name: 'Entrar', exact: true }).waitFor();
    await axe('entrar');
    await shot('entrar');
    const form = page.getByRole('form', { name: 'Crear cuenta' });
    await form.getByLabel('Usuario').fill(user);
    await form.getByLabel('Contraseña').fill(PASSWORD);
    await form.getByLabel('Zona horaria').fill(ZONE);
    await form.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Resumen', level: 1 }).waitFor();
    token = await page.evaluate(() => sessionStorage.getItem('tiempocheck.sesion'));
    assert.ok(token, 'the session token is kept in sessionStorage');
    assert.equal(await page.evaluate(() => localStorage.getItem('tiempocheck.sesion')), null, 'and nowhere else');
  });

  test('a wrong password gets a clear message; the right one signs in', async () => {
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: 'Entrar', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tiempocheck.sesion')), null, 'Salir forgets the token');
    const form = page.getByRole('form', { name: 'Entrar' });
    await form.getByLabel('Usuario').fill(user);
    await form.getByLabel('Contraseña').fill('no-es-la-contraseña');
    await form.getByRole('button', { name: 'Entrar' }).click();
    await form.getByText('Usuario o contraseña incorrectos.').waitFor();
    await form.getByLabel('Contraseña').fill(PASSWORD);
    await form.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Resumen', level: 1 }).waitFor();
    token = await page.evaluate(() => sessionStorage.getItem('tiempocheck.sesion'));
  });

  test('events posted through ingest appear in every chart with the API\'s numbers', async () => {
    device = (await ok('ingest', '/api/v1/dispositivos', token, { method: 'POST', body: { nombre: 'e2e' } })).token;
    // One device is on one site at a time: the intervals do not overlap, so every second counts.
    const events = [
      ['youtube.com', new Date(now - 50 * MIN), 1500], ['es.wikipedia.org', new Date(now - 20 * MIN), 600],
      ['github.com', new Date(now - 9 * MIN), 480],
    ];
    for (let d = 1; d <= 6; d += 1) {
      events.push(['youtube.com', new Date(now - d * DAY), 1200 + d * 60], ['es.wikipedia.org', new Date(now - d * DAY + 30 * MIN), 900]);
    }
    events.push(['github.com', new Date(now - 12 * DAY), 1800]);
    await postEvents(device, events);
    const expected = events.reduce((s, e) => s + e[2], 0);
    const total = await waitFor(() => ok('features', '/api/v1/uso/categorias?rango=total', token), (b) => b.segundos === expected, { timeoutMs: 90_000 });
    assert.equal(total.segundos, expected, 'features-service has taken in every event');

    await page.reload();
    await page.getByRole('heading', { name: 'Resumen', level: 1 }).waitFor();
    assert.equal(await page.getAttribute('[data-rango="total"]', 'aria-pressed'), 'true', 'Total is the default range');
    assert.equal(Number(await page.getAttribute('#total', 'data-segundos')), total.segundos);
    const doughnut = await chartData('categorias');
    assert.deepEqual(doughnut.labels, total.categorias.map((c) => c.categoria));
    assert.deepEqual(doughnut.datasets[0].data, total.categorias.map((c) => c.segundos));
    assert.deepEqual(await tableSeconds(page.locator('#titulo-cat + div table, section[aria-labelledby="titulo-cat"] table')), total.categorias.map((c) => c.segundos));

    const today = localDay(ZONE);
    // Total: the API gives no bounds; the page shows its last 366 days from the first one with use.
    const daily = await ok('features', `/api/v1/uso/diario?desde=${shift(today, -365)}&hasta=${today}`, token);
    daily.dias = daily.dias.slice(daily.dias.findIndex((d) => d.segundos > 0));
    assert.deepEqual(await tableSeconds(page.locator('section[aria-labelledby="titulo-dia"] table')), daily.dias.map((d) => d.segundos));
    const dailyChart = await chartData('diario');
    const stacked = dailyChart.labels.map((_, i) => dailyChart.datasets.reduce((s, ds) => s + ds.data[i], 0));
    assert.deepEqual(stacked, daily.dias.map((d) => d.segundos), 'the stacked daily bars add up to the API\'s days');

    const hourly = await ok('features', `/api/v1/uso/horario?dia=${today}`, token);
    assert.deepEqual(await tableSeconds(page.locator('section[aria-labelledby="titulo-hora"] table')), hourly.horas.map((h) => h.segundos));
    const hourChart = await chartData('horario');
    assert.deepEqual(hourChart.labels.map((_, i) => hourChart.datasets.reduce((s, ds) => s + ds.data[i], 0)), hourly.horas.map((h) => h.segundos));

    const sites = await api('features', '/api/v1/uso/sitios?rango=total&top=10', token);
    const expectedSites = sites.status === 200 ? sites.body.sitios.map((s) => [s.dominio, s.segundos])
      : Object.entries(daily.dias.flatMap((d) => d.dominios).reduce((m, s) => ({ ...m, [s.dominio]: (m[s.dominio] || 0) + s.segundos }), {}))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const bars = await chartData('sitios');
    assert.deepEqual(bars.labels.map((l, i) => [l, bars.datasets[0].data[i]]), expectedSites);
    await axe('resumen');
    await shot('resumen');
  });

  test('switching ranges shows each range\'s API total and its change against the previous period', async () => {
    for (const [rango, label] of [['hoy', 'Hoy'], ['7d', '7 días'], ['30d', '30 días'], ['total', 'Total']]) {
      const expected = await ok('features', `/api/v1/uso/categorias?rango=${rango}`, token);
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.waitForFunction(([r, s]) => document.querySelector(`[data-rango="${r}"]`)?.getAttribute('aria-pressed') === 'true'
        && Number(document.querySelector('#total')?.dataset.segundos) === s, [rango, expected.segundos]);
      if (rango === '7d') {
        const prev = await ok('features', '/api/v1/uso/diario?desde=' + shift(expected.desde, -7) + '&hasta=' + shift(expected.desde, -1), token);
        assert.equal(Number(await page.getAttribute('[data-previo]', 'data-previo')), prev.segundos, 'the previous 7 days, from the API');
      }
    }
  });

  test('a limit created and then crossed gives the live toast, and Aceptar accepts the alert', async () => {
    await goto('limites');
    await axe('limites');
    const form = page.getByRole('form', { name: 'Nuevo límite' });
    await form.getByLabel('Tipo').selectOption('dominio');
    await form.getByLabel('Dominio').fill('github.com');
    await form.getByLabel('Minutos al día').fill('15');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Límite guardado.').waitFor();
    const limits = await ok('alerts', '/api/v1/limites', token);
    assert.deepEqual(limits.map((l) => [l.dominio, l.segundos_diarios]), [['github.com', 900]]);
    assert.equal(Number(await page.locator(`[data-limite="${limits[0].id}"] progress`).getAttribute('value')), 480, 'today\'s 8 min of github.com');
    // Past the limit: 10 min more earlier today; the alert arrives over the stream while the page is open.
    await postEvents(device, [['github.com', new Date(now - 80 * MIN), 600]]);
    const toast = page.locator('.toast', { hasText: 'github.com' }).filter({ hasText: 'exceso' });
    await toast.waitFor({ timeout: 30_000 });
    await shot('limites');
    await toast.getByRole('button', { name: 'Aceptar' }).click();
    await toast.waitFor({ state: 'detached' });
    const alerts = await waitFor(() => ok('alerts', '/api/v1/alertas', token), (a) => a.some((x) => x.nivel === 'exceso' && x.aceptada));
    assert.ok(alerts.some((x) => x.nivel === 'exceso' && x.dominio === 'github.com' && x.aceptada), 'the alert is accepted');
    // Any other alert of the day (proximidad came with exceso) is accepted the same way.
    while (await page.locator('.toast').count() > 0) {
      const id = await page.locator('.toast').first().getAttribute('data-alerta');
      const other = page.locator(`.toast[data-alerta="${id}"]`);
      if (await other.getByRole('button', { name: 'Aceptar' }).isEnabled()) await other.getByRole('button', { name: 'Aceptar' }).click();
      await other.waitFor({ state: 'detached' });
    }
  });

  test('a suggestion\'s popover shows its formula, and adopting it creates the limit', async () => {
    const details = await ok('suggestions', '/api/sugerencias_detalle', token);
    const detail = details.find((d) => d.tipo === 'limite' && d.segundos != null);
    assert.ok(detail, `a limit suggestion after 6 days of use: ${JSON.stringify(details.map((d) => [d.categoria, d.nivel.nombre]))}`);
    await goto('sugerencias');
    const card = page.locator(`article[data-categoria="${detail.categoria}"]`);
    await card.getByRole('button', { name: '¿Cómo se calculó?' }).click();
    assert.equal(await card.locator('.formula').textContent(), detail.formula);
    assert.equal(await card.getByRole('button', { name: '¿Cómo se calculó?' }).getAttribute('aria-expanded'), 'true');
    await axe('sugerencias');
    await shot('sugerencias');
    await card.getByRole('button', { name: 'Adoptar como límite' }).click({ timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e.message}\n${await card.innerText().catch(() => '')}\n${(await page.locator('main').innerText()).slice(0, 400)}`);
    });
    await page.getByText('Adoptado:').waitFor();
    const limits = await ok('alerts', '/api/v1/limites', token);
    assert.ok(limits.some((l) => l.categoria === detail.categoria && l.segundos_diarios === detail.segundos), 'the limit is the suggestion');

    const evaluator = page.getByRole('form', { name: 'Evaluar una política' });
    await evaluator.getByLabel('Multiplicador de límites').fill('0.5');
    await evaluator.getByRole('button', { name: 'Evaluar' }).click();
    await page.locator('#comparacion').waitFor();
    assert.match(await page.locator('#comparacion caption').textContent(), /Política actual frente a la propuesta/);
    await page.locator('#pronosticos').waitFor();
  });

  test('a category change shows in the charts', async (t) => {
    const categories = await api('features', '/api/v1/categorias', token);
    if (categories.status !== 200) { t.skip('features-service has no /api/v1/categorias yet (branch cats)'); return; }
    await goto('categorias');
    await axe('categorias');
    await shot('categorias');
    const select = page.getByLabel('Categoría de github.com');
    await select.selectOption('Estudio');
    await page.getByText('github.com ahora es Estudio.').waitFor();
    const after = await waitFor(() => ok('features', '/api/v1/uso/categorias?rango=total', token),
      (b) => b.categorias.some((c) => c.categoria === 'Estudio'));
    await goto('resumen');
    const doughnut = await chartData('categorias');
    assert.ok(doughnut.labels.includes('Estudio'));
    assert.deepEqual(doughnut.datasets[0].data, after.categorias.map((c) => c.segundos));
  });

  test('the Categorías and account pages pass axe; a device token can be issued', async () => {
    await goto('categorias');
    await axe('categorias');
    if (!existsSync(path.join(SHOTS, 'web-categorias.png')) || process.env.UPDATE_SCREENSHOTS !== '1') await shot('categorias');
    await goto('cuenta');
    await page.getByRole('button', { name: 'Conectar este navegador' }).click();
    const issued = await page.locator('#token-dispositivo').textContent();
    assert.equal((await api('features', '/api/v1/uso/categorias', issued)).status, 200, 'the issued token works');
    await axe('cuenta');
    await shot('cuenta');
  });

  test('the English switch translates the pages; Spanish again after', async () => {
    await goto('resumen');
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Summary', level: 1 }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('link', { name: 'Limits' }).waitFor();
    await page.getByRole('button', { name: 'Today', exact: true }).waitFor();
    await axe('resumen (en)');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Resumen', level: 1 }).waitFor();
  });

}

function shift(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
