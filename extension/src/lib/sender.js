// Sending policy: which answers remove a batch from the outbox, which keep it, and when to retry.
// Pure apart from the injected queue, `post` and clock, so it is tested with a fake of each.

export const DEFAULT_RETRY = Object.freeze({ baseSeconds: 5, maxSeconds: 300, authSeconds: 300 });
const KEPT_REJECTIONS = 20;

export function initialSenderState() {
  return {
    sent: 0, // events ingest accepted
    rejected: 0, // events ingest refused one by one (bad domain, bad time...): dropped and counted
    failures: 0, // consecutive failed attempts
    nextAttemptAt: 0,
    batchLimit: null, // lowered after a 413
    lastOkAt: null,
    lastError: null, // { at, kind: network|server|auth|refused, status, message }
    rejections: [], // the latest per-event reasons: { at, dominio, campo, motivo }
  };
}

/**
 * Exponential backoff with jitter: base * 2^(failures-1), capped, never sooner than the server's
 * Retry-After. `random` is in [0, 1).
 */
export function retryDelayMs(failures, retryAfterSeconds, retry = DEFAULT_RETRY, random = Math.random) {
  const exp = Math.min(retry.maxSeconds, retry.baseSeconds * 2 ** Math.max(0, failures - 1));
  const jittered = exp * (0.75 + 0.5 * random());
  return Math.round(Math.max(jittered, retryAfterSeconds ?? 0) * 1000);
}

export function parseRetryAfter(value, now) {
  if (value == null || value === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

/**
 * Sends batches until the outbox is empty, an attempt fails, or maxBatches were sent.
 * `post(events)` resolves { status, body, retryAfter } or rejects on a network error.
 * Returns the new sender state; the caller persists it.
 */
export async function flush({ queue, post, now, state, retry = DEFAULT_RETRY, random = Math.random, maxBatches = 20 }) {
  let s = { ...state };
  if (now() < s.nextAttemptAt) return s;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await queue.peek(s.batchLimit ?? undefined);
    if (batch.length === 0) break;
    let answer;
    try {
      answer = await post(batch);
    } catch (error) {
      return failed(s, now(), 'network', null, String(error?.message ?? error), null, retry, random);
    }
    const { status, body } = answer;
    if (status === 202) {
      await queue.remove(batch.map((e) => e.event_id));
      const rejected = Array.isArray(body?.rechazados) ? body.rechazados : [];
      s = {
        ...s,
        sent: s.sent + (Number(body?.aceptados) || batch.length - rejected.length),
        rejected: s.rejected + rejected.length,
        rejections: [...rejected.map((r) => ({
          at: now(), dominio: batch[r.indice]?.dominio ?? null, campo: r.campo ?? null, motivo: r.motivo ?? '',
        })), ...s.rejections].slice(0, KEPT_REJECTIONS),
        failures: 0, nextAttemptAt: 0, lastOkAt: now(), lastError: null,
      };
      continue;
    }
    if (status === 413 && batch.length > 1) {
      s = { ...s, batchLimit: Math.ceil(batch.length / 2) };
      continue;
    }
    if (status === 400 || status === 413) {
      // The server refuses the request as a whole: retrying the same bytes cannot succeed.
      await queue.remove(batch.map((e) => e.event_id));
      const motivo = body?.motivo ?? `HTTP ${status}`;
      s = {
        ...s,
        rejected: s.rejected + batch.length,
        rejections: [{ at: now(), dominio: null, campo: body?.campo ?? null, motivo: `lote de ${batch.length}: ${motivo}` }, ...s.rejections].slice(0, KEPT_REJECTIONS),
        lastError: { at: now(), kind: 'refused', status, message: motivo },
      };
      continue;
    }
    if (status === 401 || status === 403) {
      return failed(s, now(), 'auth', status, body?.motivo ?? `HTTP ${status}`, retry.authSeconds, retry, random);
    }
    return failed(s, now(), 'server', status, body?.motivo ?? `HTTP ${status}`, parseRetryAfter(answer.retryAfter, now()), retry, random);
  }
  return s;
}

function failed(s, at, kind, status, message, retryAfterSeconds, retry, random) {
  const failures = s.failures + 1;
  return {
    ...s,
    failures,
    nextAttemptAt: at + retryDelayMs(failures, retryAfterSeconds, retry, random),
    lastError: { at, kind, status, message },
  };
}
