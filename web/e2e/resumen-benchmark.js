// The Resumen page's drawing time in Debian's chromium, for e2e-tests' DashboardBenchmark (bench/dashboard.sh):
// signs in through the form once, then reloads the page BENCH_LOADS times and reads, for each load, when the
// page marked every chart drawn (the 'resumen-dibujado' performance mark, in ms from navigation start) and when
// its last API answer arrived. Prints one JSON line on stdout; anything else goes to stderr.
//   DASHBOARD_URL=http://127.0.0.1:8080 BENCH_USER=u BENCH_PASSWORD=p BENCH_LOADS=20 node resumen-benchmark.js
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { DASHBOARD_URL: url, BENCH_USER: user, BENCH_PASSWORD: password } = process.env;
const loads = Number(process.env.BENCH_LOADS ?? 20);
const zone = process.env.BENCH_ZONE ?? 'America/Mexico_City';
if (!url || !user || !password || !(loads > 0)) throw new Error('DASHBOARD_URL, BENCH_USER, BENCH_PASSWORD and BENCH_LOADS are needed');

/** The current document's figures, once its charts are drawn. */
async function drawnLoad(page) {
  await page.waitForFunction(() => performance.getEntriesByName('resumen-dibujado').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const fetches = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch');
    return {
      drawn: performance.getEntriesByName('resumen-dibujado')[0].startTime,
      lastAnswer: Math.max(0, ...fetches.map((e) => e.responseEnd)),
      fetches: fetches.length,
    };
  });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'es-ES', timezoneId: zone, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The first load: an empty cache, then the sign-in form; the page draws Resumen without a navigation.
  await page.goto(url);
  const form = page.getByRole('form', { name: 'Entrar' });
  await form.getByLabel('Usuario').fill(user);
  await form.getByLabel('Contraseña').fill(password);
  await form.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForFunction(() => document.querySelector('main')?.dataset.dibujado, null, { timeout: 60_000 });
  // Each reload is a navigation of a signed-in tab (the session token is in sessionStorage), as a person opening it.
  const measured = [];
  for (let i = 0; i < loads; i++) {
    await page.reload({ waitUntil: 'commit' });
    measured.push(await drawnLoad(page));
  }
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  process.stdout.write(`${JSON.stringify({ chromium: browser.version(), loads: measured })}\n`);
} finally {
  await browser.close();
}
