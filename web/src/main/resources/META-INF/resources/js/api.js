// The services' public APIs, called with the tab's session token.
const TOKEN_KEY = 'tiempocheck.sesion';
let bases = null;

export async function loadConfig() {
  if (!bases) bases = await (await fetch('/config.json')).json();
  return bases;
}

export function base(service) { return bases[service]; }

function storedToken(key) {
  return {
    get token() { return sessionStorage.getItem(key); },
    set(token) { sessionStorage.setItem(key, token); },
    forget() { sessionStorage.removeItem(key); },
  };
}

export const session = storedToken(TOKEN_KEY);
/** The operator's panel keeps the admin token apart: signing in there never signs a person's dashboard in or out. */
export const adminSession = storedToken('tiempocheck.admin');

/** An API error with the service's {campo, motivo} when it sent one. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.motivo ? (body.campo ? `${body.campo}: ${body.motivo}` : body.motivo) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** `as` names the stored session whose token is sent (the person's unless told); `token` sends one not stored yet. */
export async function call(service, path, { method = 'GET', body, auth = true, raw = false, as = session, token } = {}) {
  // JSON is declared with a body only: the services need no Content-Type on a bodiless GET or DELETE.
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
  const sent = token ?? as.token;
  if (auth && sent) headers.Authorization = `Bearer ${sent}`;
  const response = await fetch(base(service) + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && auth && token === undefined) {
    as.forget();
    window.dispatchEvent(new Event('tiempocheck:salir'));
  }
  if (!response.ok) {
    let parsed = null;
    try { parsed = await response.json(); } catch { /* not JSON */ }
    const error = new ApiError(response.status, parsed);
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}
