// fast-check arbitraries for hostile inputs, driven by the OpenAPI schema of a parameter or body.
import fc from 'fast-check';

/** A JSON token written as is (numbers JSON.stringify cannot write, text that is not JSON). */
export class Raw {
  constructor(text) { this.text = text; }
}

/** JSON text of a value that may hold Raw tokens. */
export function toJson(value) {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return '[' + value.map(toJson).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ':' + toJson(v)).join(',') + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

const EXTREME_DATES = ['-999999999-01-01', '+999999999-12-31', '0000-01-01', '-0001-12-31', '1999-12-31',
  '2026-02-30', '2026-13-01', '9999-12-31', '20260101', '2026-1-1'];
const EXTREME_DATE_TIMES = ['-999999999-01-01T00:00:00Z', '+999999999-12-31T23:59:59Z', '0000-01-01T00:00:00Z',
  '2026-01-01T25:61:61Z', '2026-01-01T00:00:00+25:00', '2026-01-01', '1970-01-01T00:00:00Z'];
const EXTREME_NUMBERS = ['0', '-1', '-0', '2147483647', '2147483648', '-2147483649', '9223372036854775807',
  '9223372036854775808', '-9223372036854775809', '1e309', '-1e309', '1.5', '1e2', '0x10', '000999999999',
  '99999999999999999999999999999999999999'];
const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\u0001\u001f\u007f', '\n\r\t', '\u202e', '\ud83d\ude00',
  '\uffff', '<script>', "' OR 1=1 --", '../../etc/passwd', '%s%n', 'null', 'true', '[]', '{}', 'xn--zz.com',
  'ejemplo.com', '.', 'a'.repeat(300)];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u0085', 'ñ', 'a'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20000 }).map((n) => 'x'.repeat(n)) });

function validScalar(schema = {}) {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer': return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 100000 });
    case 'number': return fc.double({ min: -10, max: 100000, noNaN: true });
    case 'boolean': return fc.boolean();
    case 'string':
      if (schema.format === 'date') return fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time') return fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      return fc.oneof(fc.constantFrom('ejemplo.com', 'youtube.com', 'trabajo', 'fuzz'), fc.string({ maxLength: 12 }));
    default: return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('2026-01-01', 'ejemplo.com'));
  }
}

/** A parameter value as text: valid for its schema (or one of validValues), or one of the hostile values. */
export function paramText(schema = {}, validValues = null) {
  const valid = validValues ? fc.constantFrom(...validValues) : validScalar(schema).map(String);
  const special = schema.format === 'date' ? EXTREME_DATES : schema.format === 'date-time' ? EXTREME_DATE_TIMES : EXTREME_NUMBERS;
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: fc.constantFrom(...special) },
    { weight: 1, arbitrary: fc.constantFrom(...EXTREME_DATES, ...EXTREME_NUMBERS) },
    { weight: 2, arbitrary: nastyString });
}

/** Percent-escapes that decode to invalid UTF-8 or control characters, written into a URL as they are. */
export const rawEscapes = fc.constantFrom('%FF', '%C0%AF', '%ED%A0%80', '%00', '%0A', '%E2%82', '%', '%zz', '%2F..%2F');

function deep(depth) {
  return new Raw('['.repeat(depth) + ']'.repeat(depth));
}

const wrongJsonValue = fc.oneof(
  fc.constantFrom(null, true, false, '', '600', 'NaN', [], {}, [1, 2], { a: 1 }),
  fc.constantFrom(...EXTREME_NUMBERS.filter((n) => /^-?\d/.test(n) && !/^-?0\d|0x/.test(n))).map((n) => new Raw(n)),
  fc.constantFrom(...EXTREME_DATES, ...EXTREME_DATE_TIMES),
  nastyString,
  fc.integer({ min: 10, max: 3000 }).map(deep),
  fc.integer({ min: 0, max: 20000 }).map((n) => Array.from({ length: n }, (_, i) => i % 7)));

/** A JSON value for a schema, each part of it valid or replaced by a wrong one. */
export function jsonValue(schema = {}, depth = 0) {
  const wrong = depth > 3 ? wrongJsonValue : fc.oneof({ weight: 1, arbitrary: wrongJsonValue }, { weight: 3, arbitrary: fc.constant(undefined) });
  return wrong.chain((w) => {
    if (w !== undefined) return fc.constant(w);
    if (schema.type === 'object' || schema.properties) {
      const props = schema.properties ?? {};
      const model = {};
      for (const [name, sub] of Object.entries(props)) model[name] = jsonValue(sub, depth + 1);
      return fc.record(model, { requiredKeys: [] }).chain((obj) =>
        fc.option(fc.tuple(fc.constantFrom('extra', 'usuario_id', '__proto__', 'nombre'), wrongJsonValue), { nil: undefined })
          .map((extra) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj)));
    }
    if (schema.type === 'array') {
      return fc.array(jsonValue(schema.items ?? {}, depth + 1), { maxLength: 6 });
    }
    return validScalar(schema);
  });
}

/** A request body: JSON from the schema, possibly broken as text or as bytes. */
export function body(schema) {
  const json = jsonValue(schema).map(toJson);
  return fc.oneof(
    { weight: 4, arbitrary: json.map((t) => Buffer.from(t, 'utf8')) },
    { weight: 1, arbitrary: json.chain((t) => fc.nat(Math.max(0, t.length - 1)).map((n) => Buffer.from(t.slice(0, n), 'utf8'))) },
    { weight: 1, arbitrary: fc.tuple(json, fc.constantFrom(' garbage', '{}', '[]', ',', '\u0000', ' 1')).map(([t, s]) => Buffer.from(t + s, 'utf8')) },
    { weight: 1, arbitrary: json.map((t) => Buffer.concat([Buffer.from(t.slice(0, 3)), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(t.slice(3))])) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 6000 }).map((n) => Buffer.from('{"a":'.repeat(n) + '1' + '}'.repeat(n))) },
    { weight: 1, arbitrary: json.map((t) => Buffer.from('[' + t + ']')) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '"texto"', '42', '{', '}', '{"a":1,}', "{'a':1}", 'NaN').map((t) => Buffer.from(t)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) });
}

export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-16',
    'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'garbage', 'application/json;;', '*/*', '') });

export const accept = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('application/json', '*/*', 'text/event-stream') },
  { weight: 1, arbitrary: fc.constantFrom('application/xml', 'text/html', 'garbage', 'application/json;q=2', '') });
