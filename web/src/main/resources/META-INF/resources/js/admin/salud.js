// Salud (/admin/salud): GET /features_health as a page, its jobs with their last and next runs and "Ejecutar"
// (POST /admin/api/features_jobs/{job}, as `features-cli` does), the aggregates' lag and the consumer's per partition.
import { t } from '../i18n.js';
import { h, statusLine, say } from '../dom.js';
import { duration, instant, number } from '../format.js';
import { admin, refusal, routeName } from './app.js';

const HEALTH = { ok: 'verde', degraded: 'amarillo', down: 'rojo' };

function stateBadge(estado) {
  return h('span', { class: `semaforo ${HEALTH[estado] || 'amarillo'}`, 'data-estado': estado },
    h('span', { class: 'luz', 'aria-hidden': 'true' }), t(estado));
}

function seconds(value) { return value === null || value === undefined ? '—' : duration(value); }

function runText(run) {
  if (!run) return t('nunca');
  const parts = [instant(run.inicio), t(run.estado)];
  if (run.duracion_ms !== null && run.duracion_ms !== undefined) parts.push(`${number(run.duracion_ms)} ms`);
  parts.push(t('{n} filas', { n: number(run.filas) }));
  return parts.join(' · ');
}

export async function render(main, { message = null } = {}) {
  const health = await admin('features', '/features_health');
  const status = statusLine();
  if (message) say(status, message);

  const jobs = h('table', { id: 'jobs' }, h('caption', { class: 'visualmente-oculto' }, t('Jobs')),
    h('thead', {}, h('tr', {}, [t('Job'), t('Última ejecución'), t('Última exitosa'), t('Próxima'), t('Acción')]
      .map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, health.jobs.map((j) => {
      const button = h('button', { type: 'button', 'aria-label': t('Ejecutar {job}', { job: j.job }), onclick: async () => {
        button.disabled = true;
        say(status, t('Ejecutando {job}…', { job: j.job }));
        try {
          const run = await admin('features', `/admin/api/features_jobs/${encodeURIComponent(j.job)}`, { method: 'POST' });
          await render(main, { message: t('{job}: {r}', { job: j.job, r: runText(run) }) });
        } catch (e) { say(status, refusal(e), true); button.disabled = false; }
      } }, t('Ejecutar'));
      return h('tr', { 'data-job': j.job }, h('th', { scope: 'row' }, j.job),
        h('td', {}, runText(j.ultima_ejecucion), j.ultima_ejecucion?.error ? h('p', { class: 'error' }, j.ultima_ejecucion.error) : null),
        h('td', {}, j.ultima_exitosa ? instant(j.ultima_exitosa) : t('nunca')),
        h('td', {}, j.proxima_ejecucion ? instant(j.proxima_ejecucion) : '—'), h('td', {}, button));
    })));

  const consumer = health.consumidor;
  const partitions = consumer && consumer.particiones && consumer.particiones.length
    ? h('table', { id: 'particiones' }, h('caption', { class: 'visualmente-oculto' }, t('Retraso por partición')),
      h('thead', {}, h('tr', {}, [t('Partición'), t('Offset confirmado'), t('Offset final'), t('Retraso')]
        .map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, x)))),
      h('tbody', {}, consumer.particiones.map((p) => h('tr', {}, h('th', { scope: 'row' }, String(p.particion)),
        h('td', { class: 'num' }, number(p.offset_confirmado)), h('td', { class: 'num' }, number(p.offset_final)),
        h('td', { class: 'num', 'data-lag': p.lag }, number(p.lag))))))
    : h('p', {}, consumer?.error ? t('Sin datos del consumidor: {m}', { m: consumer.error }) : t('Sin particiones asignadas.'));

  if (routeName() !== 'salud') return;
  main.replaceChildren(h('h1', {}, t('Salud')),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-estado' }, h('h2', { id: 'titulo-estado' }, t('Estado')),
      h('p', { id: 'estado-salud' }, stateBadge(health.estado), ' ', t('Generado {m}.', { m: instant(health.generado_en) })),
      health.motivos?.length ? h('ul', {}, health.motivos.map((m) => h('li', {}, m))) : null,
      h('dl', { class: 'datos' },
        h('dt', {}, t('Planificador')), h('dd', {}, health.scheduler_activo ? t('activo') : t('detenido')),
        h('dt', {}, t('Retraso de los agregados')), h('dd', { 'data-lag-segundos': health.latencia?.lag_segundos ?? '' }, seconds(health.latencia?.lag_segundos)),
        h('dt', {}, t('Antigüedad del último agregado')), h('dd', {}, seconds(health.latencia?.recencia_segundos)),
        h('dt', {}, 'schema_ver'), h('dd', {}, String(health.schema_ver))), status),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-jobs' }, h('h2', { id: 'titulo-jobs' }, t('Jobs')), jobs),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-consumidor' },
      h('h2', { id: 'titulo-consumidor' }, t('Consumidor')),
      consumer ? h('p', {}, t('Grupo {g} en {topic}: retraso total {n}.', { g: consumer.grupo, topic: consumer.topic,
        n: consumer.lag_total === null || consumer.lag_total === undefined ? '—' : number(consumer.lag_total) })) : null,
      partitions));
}
