// End to end: the operator's panel (/admin/*) in Debian's chromium against the services of deploy/local/up.sh,
// signed in with the admin token of .run/admin-token. Every figure a page shows is compared with the admin API's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { AXE, CHROMIUM, ROOT, WEB, api, ok, localDay, postEvents, waitFor } from './support.js';

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/screenshots') : path.join(tmpdir(), 'tiempocheck-web-screenshots');
const PASSWORD = 'contraseña-de-prueba-1';
const ZONE = 'UTC';
const BASE = Number(process.env.TIEMPOCHECK_PORT_BASE ?? 8080);
// The feature store's database as deploy/local/lib.sh names it for this port base.
const FEATURES_DB = `tiempocheck_features${process.env.TIEMPOCHECK_DB_SUFFIX ?? (BASE === 8080 ? '' : `_${BASE}`)}`;
const ADMIN_TOKEN_FILE = path.join(ROOT, '.run/admin-token');
const ADMIN = process.env.TIEMPOCHECK_ADMIN_TOKEN || (existsSync(ADMIN_TOKEN_FILE) ? readFileSync(ADMIN_TOKEN_FILE, 'utf8').trim() : null);
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A statement on the feature store, as root on the local server (the test plants faults no API would write). */
function sql(statement) {
  return execFileSync('mysql', ['-h', '127.0.0.1', '-u', 'root', '-N', '-B', FEATURES_DB, '-e', statement], { encoding: 'utf8' }).trim();
}

if (!existsSync(CHROMIUM) || !ADMIN) {
  test('operator panel end to end', { skip: !ADMIN ? `NO ADMIN TOKEN: ${ADMIN_TOKEN_FILE} is missing (deploy/local/up.sh writes it)`
    : `NO BROWSER: ${CHROMIUM} is missing (deploy/local/web-tests.sh installs Debian's chromium)` }, () => {});
} else {
  let browser;
  let page;
  let userToken;
  let otherToken; // a second person, with their own category for the site
  let userId;
  const tag = Date.now().toString(36);
  const user = `op${tag}`;
  const site = `sin-categoria-${tag}.mx`;
  const yesterday = localDay(ZONE, new Date(Date.now() - DAY));
  const noonYesterday = Date.parse(`${yesterday}T12:00:00Z`);

  const open = async (name, query = '') => {
    await page.goto(`${WEB}/admin/${name}${query}`);
    await page.waitForFunction((n) => document.querySelector('main').dataset.pagina === n && document.querySelector('main h1'), name);
  };
  const axe = async (name) => {
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name}`);
  };
  const shot = async (name) => { await page.screenshot({ path: path.join(SHOTS, `web-admin-${name}.png`), fullPage: true }); };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A person with a day of use yesterday: 3 h on a site nobody has categorised, and an hour on a known one.
    await ok('ingest', '/api/v1/cuentas', null, { method: 'POST', body: { usuario: user, contrasena: PASSWORD, nombre: user, tz: ZONE } });
    userToken = (await ok('ingest', '/api/v1/sesiones', null, { method: 'POST', body: { usuario: user, contrasena: PASSWORD } })).token;
    userId = (await ok('ingest', '/api/v1/cuenta', userToken)).usuario_id;
    const device = (await ok('ingest', '/api/v1/dispositivos', userToken, { method: 'POST', body: { nombre: 'e2e-admin' } })).token;
    await postEvents(device, [[site, new Date(noonYesterday - 3 * HOUR), 3600], [site, new Date(noonYesterday - 2 * HOUR), 3600],
      [site, new Date(noonYesterday - HOUR), 3600], ['github.com', new Date(noonYesterday), 3600]]);
    const done = await waitFor(() => ok('features', `/api/v1/uso/diario?desde=${yesterday}&hasta=${yesterday}`, userToken),
      (b) => b.segundos === 4 * 3600, { timeoutMs: 90_000 });
    assert.equal(done.segundos, 4 * 3600, 'features-service has taken in the events');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ locale: 'es-ES', timezoneId: ZONE, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => { throw e; });
    page.on('dialog', (d) => d.accept());
  });

  after(async () => {
    for (const token of [userToken, otherToken].filter(Boolean)) await api('ingest', '/api/v1/cuenta', token, { method: 'DELETE', body: { contrasena: PASSWORD } });
    await browser?.close();
  });

  test('a user\'s token is refused with the service\'s 403; the admin token signs in and opens the traffic lights', async () => {
    await page.goto(`${WEB}/admin/qa_datos`);
    await page.getByRole('heading', { name: 'Entrar como administrador' }).waitFor();
    await axe('entrar');
    await shot('entrar');
    await page.getByLabel('Token de administrador').fill(userToken);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Ese token es de un usuario, no de administrador').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tiempocheck.admin')), null, 'a refused token is not kept');

    // A user's token that got into the tab anyway: every page shows the services' refusal.
    await page.evaluate((tok) => sessionStorage.setItem('tiempocheck.admin', tok), userToken);
    await open('usuarios');
    await page.getByText('Este token no es de administrador: el servicio respondió 403').waitFor();
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: 'Entrar como administrador' }).waitFor();

    await page.getByLabel('Token de administrador').fill(ADMIN);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Calidad de datos', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/qa_datos');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('tiempocheck.admin')), ADMIN, 'the admin token is kept in sessionStorage');
    assert.equal(await page.evaluate(() => localStorage.getItem('tiempocheck.admin') ?? sessionStorage.getItem('tiempocheck.sesion')), null,
      'and nowhere else: the dashboard\'s session stays signed out');
  });

  test('qa_datos: "Ejecutar ahora" shows one light per check with the API\'s state, value and thresholds, and each check\'s last 24 h', async (t) => {
    const probe = await api('features', '/admin/api/qa_datos/historial', ADMIN);
    if (probe.status === 404) {
      // The qa_datos API comes with branch quality17; the lead re-enables this test once it is merged.
      t.skip('SKIPPED until quality17 is merged: features-service has no /admin/api/qa_datos yet');
      await open('qa_datos');
      await axe('qa_datos (sin API)');
      return;
    }
    await open('qa_datos');
    await page.getByRole('button', { name: 'Ejecutar ahora' }).click();
    await page.getByText(/Ejecución \d+ terminada/).waitFor({ timeout: 60_000 });
    const latest = await ok('features', '/admin/api/qa_datos', ADMIN);
    const rows = await page.locator('#semaforos tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      check: tr.dataset.check, estado: tr.querySelector('[data-estado]').dataset.estado, valor: Number(tr.querySelector('[data-valor]').dataset.valor),
      mensaje: tr.querySelector('.mensaje').textContent })));
    assert.deepEqual(rows, latest.checks.map((c) => ({ check: c.check, estado: c.estado, valor: c.valor, mensaje: c.mensaje })));
    // The contract's checks of quality17; intake17's entrada group adds rechazos_ingesta, duplicados_reenviados, eventos_fuera_de_rango.
    const contract = ['qa_deltas', 'frescura_eventos', 'usuarios_silenciosos', 'lag_consumidor', 'dlq_crecimiento', 'jobs_fallidos',
      'schema_ver_antiguo', 'dias_sobre_24h', 'horas_sobre_3600s', 'sitios_inusuales', 'sin_categoria'];
    assert.deepEqual(contract.filter((c) => !rows.some((r) => r.check === c)), [], 'every check of the contract has a row');
    const history = await ok('features', '/admin/api/qa_datos/historial', ADMIN);
    for (const check of new Set(history.entradas.map((e) => e.check))) {
      const points = await page.evaluate((c) => window.Chart.getChart(document.querySelector(`[data-historial="${c}"]`)).data.datasets[0].data, check);
      assert.deepEqual(points, history.entradas.filter((e) => e.check === check).map((e) => e.valor), `the 24 h chart of ${check}`);
    }
    await axe('qa_datos');
    await shot('qa_datos');
  });

  test('qa_datos draws the contract\'s answer: a light, value, thresholds and sentence per check, a 24 h chart each', async () => {
    // Answers shaped as QA_DATOS_CONTRACT.md (and quality17's QualityRun, CheckHistory), served to this page only:
    // the page is checked against the contract whether or not the API is merged yet.
    const at = (minutesAgo) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const run = { ejecucion_id: 7, inicio: at(1), fin: at(1), duracion_ms: 812, disparo: 'manual', estado: 'rojo', checks: [
      { check: 'qa_deltas', grupo: 'qa', estado: 'rojo', valor: 3, unidad: 'dias_usuario', umbrales: { amarillo: 1, rojo: 1 },
        mensaje: '3 días-usuario con delta (el mayor, 120 s). Reconstruya esos días.', detalle: { mayor_delta_segundos: 120, dias: [] } },
      { check: 'frescura_eventos', grupo: 'frescura', estado: 'amarillo', valor: 1900, unidad: 'segundos', umbrales: { amarillo: 1800, rojo: 3600 },
        mensaje: 'El evento más reciente tiene 31 min.', detalle: {} },
      { check: 'sin_categoria', grupo: 'cobertura', estado: 'verde', valor: 12.5, unidad: '%', umbrales: { amarillo: 25, rojo: 50 },
        mensaje: 'El 12,5 % del tiempo de 7 días está sin categoría.', detalle: { sitios: [{ dominio: 'ejemplo.mx', segundos: 600 }] } }] };
    const history = { desde: at(1440), hasta: at(0), entradas: [
      { check: 'qa_deltas', ejecucion_id: 6, momento: at(6), estado: 'verde', valor: 0 },
      { check: 'frescura_eventos', ejecucion_id: 6, momento: at(6), estado: 'verde', valor: 300 },
      { check: 'qa_deltas', ejecucion_id: 7, momento: at(1), estado: 'rojo', valor: 3 },
      { check: 'frescura_eventos', ejecucion_id: 7, momento: at(1), estado: 'amarillo', valor: 1900 },
      { check: 'sin_categoria', ejecucion_id: 7, momento: at(1), estado: 'verde', valor: 12.5 }] };
    const json = (body) => ({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': WEB }, body: JSON.stringify(body) });
    await page.route('**/admin/api/qa_datos/historial*', (route) => route.fulfill(json(history)));
    await page.route('**/admin/api/qa_datos', (route) => route.fulfill(json(run)));
    try {
      await open('qa_datos');
      await page.locator('#semaforos').waitFor();
      const rows = await page.locator('#semaforos tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.check,
        tr.querySelector('[data-estado]').dataset.estado, tr.querySelector('[data-valor]').textContent, tr.cells[3].textContent]));
      assert.deepEqual(rows, [['qa_deltas', 'rojo', '3 días-usuario', 'amarillo ≥ 1 días-usuario · rojo ≥ 1 días-usuario'],
        ['frescura_eventos', 'amarillo', '31 min', 'amarillo ≥ 30 min · rojo ≥ 1 h'], ['sin_categoria', 'verde', '12,5 %', 'amarillo ≥ 25 % · rojo ≥ 50 %']]);
      await page.locator('tr[data-check="qa_deltas"]').getByText('3 días-usuario con delta').waitFor();
      await page.locator('tr[data-check="qa_deltas"]').getByRole('link', { name: 'Revisar y reconstruir' }).waitFor();
      for (const check of ['qa_deltas', 'frescura_eventos', 'sin_categoria']) {
        const points = await page.evaluate((c) => window.Chart.getChart(document.querySelector(`[data-historial="${c}"]`)).data.datasets[0].data, check);
        assert.deepEqual(points, history.entradas.filter((e) => e.check === check).map((e) => e.valor), `the 24 h chart of ${check}`);
      }
      await axe('qa_datos (contrato)');
      if ((await api('features', '/admin/api/qa_datos/historial', ADMIN)).status === 404) await shot('qa_datos');
    } finally {
      await page.unrouteAll();
    }
  });

  test('Salud shows /features_health\'s jobs and partitions, and "Ejecutar" runs a job', async () => {
    await open('salud');
    const health = await ok('features', '/features_health', ADMIN);
    assert.deepEqual(await page.locator('#jobs tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.job)), health.jobs.map((j) => j.job));
    assert.equal(await page.locator('#particiones tbody tr').count(), health.consumidor.particiones.length);
    await axe('salud');
    await shot('salud');
    const before = health.jobs.find((j) => j.job === 'features_horarias').ultima_ejecucion?.id ?? 0;
    await page.getByRole('button', { name: 'Ejecutar features_horarias' }).click();
    await page.getByText(/^features_horarias: .* ok/).waitFor({ timeout: 60_000 });
    const after = (await ok('features', '/features_health', ADMIN)).jobs.find((j) => j.job === 'features_horarias').ultima_ejecucion;
    assert.ok(after.id > before && after.disparo === 'manual' && after.estado === 'ok', `a manual run was recorded: ${JSON.stringify(after)}`);
  });

  test('QA y reconstrucción: a corrupted hourly row shows as a delta, and "Reconstruir" repairs it', async () => {
    const changed = sql(`UPDATE features_horarias SET segundos = segundos + 120 WHERE usuario_id = ${userId} AND dia = '${yesterday}'`
      + ` AND dominio = 'github.com'; SELECT ROW_COUNT();`);
    assert.equal(changed, '1', 'one hourly row planted with 120 s too many');
    await open('qa', `?desde=${yesterday}&hasta=${yesterday}&usuario_id=${userId}`);
    const row = page.locator(`tr[data-dia="${userId}/${yesterday}"]`);
    await row.waitFor();
    const qa = await ok('features', `/features_qa?dia=${yesterday}&usuario_id=${userId}&solo_delta=true`, ADMIN);
    assert.equal(qa.dias.length, 1);
    assert.equal(qa.dias[0].segundos_horas, 4 * 3600 + 120, 'the API sees the planted delta');
    await axe('qa');
    await shot('qa');
    await row.getByRole('button', { name: /^Reconstruir el/ }).click();
    await page.locator('#reconstruccion').waitFor();
    const change = page.locator(`#reconstruccion tr[data-cambio="${userId}/${yesterday}"] td[data-segundos]`);
    assert.deepEqual(await change.evaluateAll((tds) => tds.map((td) => Number(td.dataset.segundos))), [4 * 3600 + 120, 4 * 3600], 'before and after');
    await page.locator('#sin-deltas').waitFor();
    const again = await ok('features', `/features_qa?dia=${yesterday}&usuario_id=${userId}&solo_delta=true`, ADMIN);
    assert.equal(again.resumen.dias_con_delta, 0, 'no delta left');
  });

  test('Usuarios creates an account and disables it', async () => {
    await open('usuarios');
    await axe('usuarios');
    const name = `Operada ${tag}`;
    await page.getByRole('form', { name: 'Nuevo usuario' }).getByLabel('Nombre').fill(name);
    await page.getByRole('form', { name: 'Nuevo usuario' }).getByRole('button', { name: 'Crear' }).click();
    await page.locator('#usuario-creado').waitFor();
    const id = Number((await page.getByText(/^Usuario \d+ creado\.$/).textContent()).match(/\d+/)[0]);
    const token = await page.locator('#token-creado').textContent();
    assert.equal((await api('features', '/api/v1/uso/categorias', token)).status, 200, 'the new account\'s device token works');
    await shot('usuarios');
    await page.getByRole('button', { name: `Desactivar a ${name}` }).click();
    await page.locator(`tr[data-usuario="${id}"] td[data-activo="false"]`).waitFor();
    const { total } = await ok('ingest', '/admin/api/usuarios?tamano=1', ADMIN);
    const listed = await ok('ingest', `/admin/api/usuarios?pagina=${total}&tamano=1`, ADMIN);
    assert.deepEqual([listed.usuarios[0].usuario_id, listed.usuarios[0].activo], [id, false], 'the API has it disabled');
    await page.getByRole('button', { name: `Activar a ${name}` }).waitFor();
  });

  test('Categorías: the uncategorised site is listed by time and «Asignar» gives it a category for everyone without their own', async () => {
    // Bad input first, as the panel never sends it.
    const put = (domain, body, token = ADMIN) => api('features', `/admin/api/categorias/${encodeURIComponent(domain)}`, token, { method: 'PUT', body });
    assert.deepEqual([(await put('localhost', { categoria: 'Estudio' })).status, (await put('localhost', { categoria: 'Estudio' })).body.campo], [400, 'dominio']);
    assert.equal((await put(site, { categoria: 'No existe' })).status, 404);
    assert.deepEqual([(await put(site, {})).status, (await put(site, {})).body.campo], [400, 'categoria']);
    assert.equal((await put(site, { categoria: 'Estudio' }, userToken)).status, 403, 'a user\'s token');
    assert.equal((await put(site, { categoria: 'Estudio' }, null)).status, 401, 'no token');
    assert.equal((await api('features', '/admin/api/categorias/sin_categoria?dias=0', ADMIN)).body.campo, 'dias');
    assert.equal((await api('features', '/admin/api/categorias/sin_categoria?top=501', ADMIN)).body.campo, 'top');

    // Another person has the site too, and chose their own category for it: the global change must not touch it.
    const other = `op2${tag}`;
    await ok('ingest', '/api/v1/cuentas', null, { method: 'POST', body: { usuario: other, contrasena: PASSWORD, nombre: other, tz: ZONE } });
    otherToken = (await ok('ingest', '/api/v1/sesiones', null, { method: 'POST', body: { usuario: other, contrasena: PASSWORD } })).token;
    const otherDevice = (await ok('ingest', '/api/v1/dispositivos', otherToken, { method: 'POST', body: { nombre: 'e2e-admin' } })).token;
    await postEvents(otherDevice, [[site, new Date(noonYesterday), 600]]);
    await waitFor(() => ok('features', `/api/v1/uso/diario?desde=${yesterday}&hasta=${yesterday}`, otherToken), (b) => b.segundos === 600, { timeoutMs: 90_000 });
    await ok('features', `/api/v1/categorias/${site}`, otherToken, { method: 'PUT', body: { categoria: 'Ocio' } });

    const pending = await ok('features', '/admin/api/categorias/sin_categoria?dias=7&top=50', ADMIN);
    const listed = pending.sitios.find((s) => s.dominio === site);
    assert.deepEqual(listed, { dominio: site, segundos: 3 * 3600, usuarios: 1 });
    await open('categorias');
    const row = page.locator(`#sin-categoria tr[data-sitio="${site}"]`);
    assert.equal(Number(await row.locator('td[data-segundos]').getAttribute('data-segundos')), 3 * 3600);
    await axe('categorias');
    await shot('categorias');
    await row.getByLabel(`Categoría de ${site}`, { exact: true }).selectOption('Estudio');
    await row.getByRole('button', { name: `Asignar la categoría de ${site}` }).click();
    await page.getByText(`${site} ahora es Estudio`).waitFor();
    await row.waitFor({ state: 'detached' });
    const sites = await ok('features', '/api/v1/uso/sitios?rango=total&top=10', userToken);
    assert.equal(sites.sitios.find((s) => s.dominio === site).categoria, 'Estudio', 'the person\'s history is re-categorised');
    const own = await ok('features', '/api/v1/uso/sitios?rango=total&top=10', otherToken);
    assert.equal(own.sitios.find((s) => s.dominio === site).categoria, 'Ocio', 'a person\'s own choice for the site stays theirs');
    const table = await ok('features', '/admin/api/categorias', ADMIN);
    assert.ok(table.dominios.some((d) => d.dominio === site && d.categoria === 'Estudio'), 'the global table has it');
    assert.equal(await page.locator(`#tabla-global tr[data-dominio="${site}"] select`).inputValue(), 'Estudio');
  });

  test('Exportar downloads the CSV.gz the API streams', async () => {
    await open('exportar');
    await axe('exportar');
    await shot('exportar');
    await page.getByLabel('Tabla').selectOption('features_diarias');
    await page.getByLabel('Usuario (opcional)').fill(String(userId));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar' }).click()]);
    assert.equal(download.suggestedFilename(), 'features_diarias.csv.gz');
    const csv = gunzipSync(readFileSync(await download.path())).toString('utf8').trim().split('\n');
    assert.match(csv[0], /dominio/, 'a header');
    assert.equal(csv.length, 3, `a header and the day's two sites: ${csv.join(' | ')}`);
    assert.ok(csv.some((line) => line.includes(site) && line.includes('Estudio')), 'with the category assigned a moment ago');
  });

  test('the English switch translates the panel; Spanish again after', async () => {
    await open('salud');
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Health', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Data quality' }).waitFor();
    await axe('salud (en)');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Salud', level: 1 }).waitFor();
  });
}
