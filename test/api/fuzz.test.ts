import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, addMember, setupOwner } from '../helpers/client.js';

/**
 * Walks the OpenAPI route table as a signed-in owner and sends, one field at a time, values no field
 * should take: NUL bytes, huge and negative numbers, very long strings, wrong types, arrays for strings,
 * unicode oddities, empty strings. Whatever a route thinks of them, the answer must be a 4xx in the error
 * shape, never a 5xx. New routes are covered without editing this test.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  jsonBody: Schema | null;
  otherBodyType: string | null;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

const deep = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

const ODD_STRINGS = ['', 'a\u0000b', 'x'.repeat(30_000), '\uD800', '\uFEFF\u202E𝕏🐝e\u0301'];
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 64, -1, 0.5];

/** Values for a JSON field of the declared type: wrong ones of that type, and other types. */
function bodyValues(s: Schema): unknown[] {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum) return ['not-a-choice', 'a\u0000b', '', ['x'], 1];
  switch (type) {
    case 'string':
      return [
        ...ODD_STRINGS,
        ...(s.format === 'date-time' ? ['2030-02-31T25:61:00Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z'] : []),
        12345, ['a'], {}, null,
      ];
    case 'integer':
    case 'number':
      return [...HUGE_NUMBERS, '99999999999999999999999', 'a\u0000b', null, []];
    case 'boolean':
      return ['true', 2, null];
    case 'array':
      return ['text', [null], Array.from({ length: 5000 }, () => 'x'), ...ODD_STRINGS.slice(0, 3).map((v) => [v]), [1e308], {}];
    case 'object':
      return ['text', [], { '\u0000': 1 }, { 'a\u0000b': 'v' }, deep(500), null];
    default:
      return [...ODD_STRINGS.slice(0, 2), 1e308, null];
  }
}
/** Whole bodies that are not the object a route declares. */
const WHOLE_BODIES: unknown[] = [[], 'text', null, 42, deep(2000), { '\u0000key': 'v' }];
/** Percent-encoded values for path segments and query values. */
const URL_VALUES: string[] = [
  '%00', 'a%00b', 'x'.repeat(3000), '-1', '99999999999999999999999', '1e308', 'NaN',
  '%ED%A0%80', '%EF%BB%BF%E2%80%AE', encodeURIComponent('𝕏🐝e\u0301'), '%25', '%2F', encodeURIComponent('[]'), '%C0%AE',
];
/** Query values: fewer (many parameters share a route), plus an empty one and the parameter twice. */
const QUERY_VALUES = ['%00', 'x'.repeat(3000), '99999999999999999999999', '-1', '%ED%A0%80', encodeURIComponent('\u202E𝕏🐝e\u0301'), '', '__repeat__'];
/** Header values: fetch sends only visible ASCII. */
const HEADER_VALUES = ['x'.repeat(4000), '-1', '99999999999999999999999', '%00', '{}'];
/** Cursors are opaque base64url: these decode to huge, negative and NUL-bearing positions. */
const CURSOR_VALUES = ['1e400:x', '99999999999999999999999:x', '-5:x', '12:\u0000', ':', 'x'.repeat(150)].map((s) =>
  Buffer.from(s).toString('base64url'),
);

/** Connecting a network calls the address given: only values that cannot name a host are sent there. */
const REACHES_OUT = /\/accounts\/(mastodon|bluesky)$/;
const cannotBeAHost = (v: unknown) => typeof v !== 'string' || v === '' || v.includes('\u0000') || v.length > 2000;

function operations(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema ?? null;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        jsonBody: json,
        otherBodyType: json ? null : (Object.keys(content)[0] ?? null),
      });
    }
  }
  return ops;
}

function resolver(doc: OpenApi) {
  return (s: Schema | undefined): Schema => {
    let cur = s ?? {};
    while (cur.$ref) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
    return cur;
  };
}

/** A value the schema would take, so that only the fuzzed field is wrong. */
function baseline(s: Schema, resolve: (s?: Schema) => Schema): unknown {
  s = resolve(s);
  if (s.anyOf ?? s.oneOf) return baseline((s.anyOf ?? s.oneOf)![0], resolve);
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date-time') return '2030-01-07T09:00:00.000Z';
      if (s.format === 'email') return 'someone@example.com';
      if (s.pattern?.includes('[a-z]{2,3}')) return 'en';
      return 'baseline'.padEnd(s.minLength ?? 0, 'x');
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return s.minItems ? [baseline(s.items ?? {}, resolve)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = baseline(s.properties?.[key] ?? {}, resolve);
      return out;
    }
    default:
      return 'baseline';
  }
}

/** Paths into a body worth fuzzing: every property, and one level into arrays of objects and records. */
function fieldPaths(s: Schema, resolve: (s?: Schema) => Schema, depth = 0): Array<Array<string | number>> {
  s = resolve(s);
  const out: Array<Array<string | number>> = [];
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const prop = resolve(raw);
    out.push([key]);
    if (depth > 0) continue;
    const items = resolve(prop.items);
    if (items.properties) for (const sub of fieldPaths(items, resolve, depth + 1)) out.push([key, 0, ...sub]);
    if (prop.properties) for (const sub of fieldPaths(prop, resolve, depth + 1)) out.push([key, ...sub]);
    if (typeof prop.additionalProperties === 'object') out.push([key, 'some-key']);
  }
  return out;
}

function withValue(schema: Schema, resolve: (s?: Schema) => Schema, path: Array<string | number>, value: unknown): unknown {
  const root = baseline(schema, resolve) as Record<string, unknown>;
  let node: Record<string | number, unknown> = root;
  let s = resolve(schema);
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = typeof key === 'number' ? resolve(s.items) : resolve(s.properties?.[key]);
    if (node[key] === undefined || (typeof path[i + 1] === 'number' && !(node[key] as unknown[]).length)) {
      node[key] = typeof path[i + 1] === 'number' ? [baseline(resolve(next.items), resolve)] : baseline(next, resolve);
    }
    node = node[key] as Record<string | number, unknown>;
    s = next;
  }
  node[path[path.length - 1]] = value;
  return root;
}

function schemaAt(schema: Schema, resolve: (s?: Schema) => Schema, path: Array<string | number>): Schema {
  let s = resolve(schema);
  for (const key of path) {
    if (typeof key === 'number') s = resolve(s.items);
    else s = resolve(s.properties?.[key] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : {}));
  }
  return s;
}

interface Probe {
  label: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * How many times each field (where it is, its name, its schema) was fuzzed: the first route that has it
 * gets every value, later ones with the same field a couple in turn, since the same schema or guard reads
 * it. This keeps the walk short.
 */
type Seen = Map<string, number>;
const LATER_VALUES = 1;
function pick<T>(seen: Seen, field: string, values: T[]): T[] {
  const times = seen.get(field) ?? 0;
  seen.set(field, times + 1);
  if (times === 0) return values;
  return Array.from({ length: Math.min(LATER_VALUES, values.length) }, (_, i) => values[(times * LATER_VALUES + i) % values.length]);
}

function probes(op: Operation, ids: Record<string, string>, doc: OpenApi, seen: Seen): Probe[] {
  const resolve = resolver(doc);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const fill = (override?: [string, string]) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      override && override[0] === name ? override[1] : encodeURIComponent(ids[name] ?? (name === 'token' ? 'x'.repeat(32) : `unknown-${name}`)),
    );
  const requiredQuery = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(baseline(p.schema ?? {}, resolve)))}`);
  const withQuery = (url: string, extra: string[] = [], skip?: string) => {
    const parts = [...requiredQuery.filter((q) => !q.startsWith(`${skip}=`)), ...extra];
    return parts.length ? `${url}?${parts.join('&')}` : url;
  };
  const defaultBody = op.jsonBody ? baseline(op.jsonBody, resolve) : op.otherBodyType ? new Uint8Array([1, 2, 3]) : undefined;
  const headers = op.otherBodyType ? { 'content-type': op.otherBodyType } : undefined;
  const reachesOut = REACHES_OUT.test(op.path);
  const out: Probe[] = [];

  for (const p of pathParams) {
    for (const v of pick(seen, `path ${p.name}`, URL_VALUES)) {
      out.push({ label: `path ${p.name}=${v.slice(0, 20)}`, method: op.method, url: withQuery(fill([p.name, v])), body: defaultBody, headers });
    }
  }
  for (const p of op.parameters.filter((q) => q.in === 'query')) {
    const values = [...QUERY_VALUES, ...(p.name === 'cursor' ? CURSOR_VALUES : [])];
    for (const v of pick(seen, `query ${p.name} ${JSON.stringify(p.schema)}`, values)) {
      const extra = v === '__repeat__' ? [`${p.name}=a`, `${p.name}=b`] : [`${p.name}=${v}`];
      out.push({ label: `query ${p.name}=${v.slice(0, 20)}`, method: op.method, url: withQuery(fill(), extra, p.name), body: defaultBody, headers });
    }
  }
  for (const p of op.parameters.filter((q) => q.in === 'header')) {
    for (const v of pick(seen, `header ${p.name}`, HEADER_VALUES)) {
      out.push({ label: `header ${p.name}=${v.slice(0, 20)}`, method: op.method, url: withQuery(fill()), body: defaultBody, headers: { ...headers, [p.name]: v } });
    }
  }
  if (op.jsonBody) {
    for (const field of fieldPaths(op.jsonBody, resolve)) {
      const schema = schemaAt(op.jsonBody, resolve, field);
      for (const v of pick(seen, `body ${field.join('.')} ${JSON.stringify(schema)}`, bodyValues(schema))) {
        if (reachesOut && !cannotBeAHost(v)) continue;
        const shown = JSON.stringify(v)?.slice(0, 20);
        out.push({ label: `body ${field.join('.')}=${shown}`, method: op.method, url: withQuery(fill()), body: withValue(op.jsonBody, resolve, field, v) });
      }
    }
    for (const whole of WHOLE_BODIES) {
      out.push({ label: `whole body ${JSON.stringify(whole).slice(0, 20)}`, method: op.method, url: withQuery(fill()), body: JSON.stringify(whole) });
    }
  }
  return out;
}

async function runAll<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

// A tiny real PNG, so that media routes have an image to be fuzzed around.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(databases)('malformed input on every route, on %s', (kind) => {
  let ruche: TestRuche;
  let owner: TestClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    ruche = await startTestRuche(kind);
    const a = await setupOwner(ruche.url);
    owner = a.client;
    const w = a.workspaceId;
    const member = await addMember(owner, w, 'analyst@example.com', 'analyst');
    const invitation = await owner.post(`/api/v1/workspaces/${w}/invitations`, { email: 'pending@example.com', role: 'client' });
    const campaign = await owner.post(`/api/v1/workspaces/${w}/campaigns`, { name: 'Launch' });
    const post = await owner.post(`/api/v1/workspaces/${w}/posts`, { body: 'Hello', accountIds: [] });
    const media = await owner.request('POST', `/api/v1/workspaces/${w}/media?fileName=dot.png`, new Uint8Array(PNG), { 'content-type': 'image/png' });
    ids = {
      workspaceId: w,
      memberId: member.memberId,
      invitationId: invitation.body.id,
      campaignId: campaign.body.id,
      postId: post.body.id,
      mediaId: media.body.id,
    };
    for (const [name, id] of Object.entries(ids)) if (typeof id !== 'string') throw new Error(`no ${name} to fuzz around`);
  });
  afterAll(() => ruche?.stop());

  it('refuses NUL characters and forged cursors with a 400 that names them', async () => {
    const w = ids.workspaceId;
    const expect400 = (res: { status: number; body: any }, code: string) => expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 400, code });
    expect400(await owner.get(`/api/v1/workspaces/${w}/posts/a%00b`), 'invalid_characters');
    expect400(await owner.request('POST', `/api/v1/workspaces/${w}/media?fileName=a%00.png`, new Uint8Array(PNG), { 'content-type': 'image/png' }), 'invalid_characters');
    expect400(await owner.post('/api/v1/workspaces', { name: 'Brand\u0000' }), 'invalid_characters');
    expect400(await owner.post('/api/v1/workspaces', { 'na\u0000me': 'Brand' }), 'invalid_characters');
    // An escaped backslash followed by "u0000" is six ordinary characters.
    expect((await owner.post('/api/v1/workspaces', { name: 'C:\\u0000' })).status).toBe(201);
    for (const forged of ['99999999999999999999999:x', '1e400:x', '-5:x', '12:\u0000', 'nonsense']) {
      expect400(await owner.get(`/api/v1/workspaces/${w}/audit?cursor=${Buffer.from(forged).toString('base64url')}`), 'invalid_cursor');
    }
  });

  it('never answers 5xx, and answers refusals in the error shape', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).body as OpenApi;
    // Signing out would end the fuzzing session; it takes no input to fuzz anyway.
    const ops = operations(doc).filter((op) => !(op.method === 'DELETE' && op.path === '/api/v1/session'));
    expect(ops.length).toBeGreaterThanOrEqual(40);
    const seen: Seen = new Map();
    const all = ops.flatMap((op) => probes(op, ids, doc, seen).map((p) => ({ ...p, label: `${op.method} ${op.path} ${p.label}` })));
    // Bounded, so that the walk stays short as routes are added.
    expect(all.length).toBeLessThan(3500);
    const failures: string[] = [];
    await runAll(all, 6, async (p) => {
      const res = await owner.request(p.method, p.url, p.method === 'GET' ? undefined : p.body, p.headers);
      const shaped = typeof res.body?.error?.code === 'string' && typeof res.body?.error?.message === 'string';
      // 431 comes from Node's HTTP parser (an address over its header size), before any route.
      if (res.status >= 500 || (res.status >= 400 && res.status !== 431 && !shaped)) {
        failures.push(`${p.label} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    });
    expect(failures).toEqual([]);
    // The owner is still signed in: nothing above broke the session the walk ran in.
    expect((await owner.get('/api/v1/session')).status).toBe(200);
  }, 300_000);
});
