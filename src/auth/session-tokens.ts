import crypto from 'node:crypto';
import type { DBAdapter, DBTransactionAdapter, Where } from 'better-auth';

export const hashSessionToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

type Row = Record<string, unknown> | null;
/** Raw tokens by their hash, for the rows of one call. */
type Known = Map<string, string>;

/**
 * Keeps only a SHA-256 of each session token in the `session` table, so that a copy of the database
 * signs nobody in; the cookie keeps the raw token. Wraps the auth library's adapter: a token written
 * or looked up is hashed on the way in, and a row found by its token carries the raw one back out,
 * as the library sets cookies from it. Rows found otherwise (listed by user) hold only the hash, which
 * finds nothing: the library's routes that revoke a listed session by its token would not work, and
 * Ruche does not use them (it signs out the current session, or all of a user's).
 */
export function withHashedSessionTokens(adapter: DBAdapter): DBAdapter {
  return {
    ...adapter,
    ...hashingOperations(adapter),
    // Work inside a transaction goes through the transaction's own adapter: it hashes too.
    transaction: (callback) => adapter.transaction((trx) => callback({ ...trx, ...hashingOperations(trx) })),
  };
}

function hashingOperations(adapter: DBTransactionAdapter): Partial<DBTransactionAdapter> {
  const hashIn = (value: unknown, known: Known): unknown => {
    if (typeof value === 'string') {
      const hashed = hashSessionToken(value);
      known.set(hashed, value);
      return hashed;
    }
    return Array.isArray(value) ? value.map((v) => hashIn(v, known)) : value;
  };
  const whereIn = (model: string, where: Where[], known: Known): Where[] =>
    model !== 'session' ? where : where.map((w) => (w.field === 'token' ? ({ ...w, value: hashIn(w.value, known) } as Where) : w));
  const tokenIn = (model: string, data: Record<string, unknown>, known: Known) =>
    model === 'session' && typeof data.token === 'string' ? { ...data, token: hashIn(data.token, known) } : data;
  const rawOut = <T>(row: T, known: Known): T => {
    const r = row as Row;
    if (!r || typeof r.token !== 'string' || !known.has(r.token)) return row;
    return { ...r, token: known.get(r.token) } as T;
  };

  return {
    async create(data) {
      const known: Known = new Map();
      const row = tokenIn(data.model, data.data, known) as typeof data.data;
      return rawOut(await adapter.create({ ...data, data: row }), known);
    },
    async findOne(data) {
      const known: Known = new Map();
      return rawOut(await adapter.findOne({ ...data, where: whereIn(data.model, data.where, known) }), known);
    },
    async findMany<T>(data: Parameters<DBAdapter['findMany']>[0]) {
      const known: Known = new Map();
      const rows = await adapter.findMany<T>({ ...data, where: data.where && whereIn(data.model, data.where, known) });
      return rows.map((r) => rawOut(r, known));
    },
    count: (data) => adapter.count({ ...data, where: data.where && whereIn(data.model, data.where, new Map()) }),
    async update(data) {
      const known: Known = new Map();
      const where = whereIn(data.model, data.where, known);
      return rawOut(await adapter.update({ ...data, where, update: tokenIn(data.model, data.update, known) }), known);
    },
    updateMany(data) {
      const known: Known = new Map();
      const where = whereIn(data.model, data.where, known);
      return adapter.updateMany({ ...data, where, update: tokenIn(data.model, data.update, known) });
    },
    delete: (data) => adapter.delete({ ...data, where: whereIn(data.model, data.where, new Map()) }),
    deleteMany: (data) => adapter.deleteMany({ ...data, where: whereIn(data.model, data.where, new Map()) }),
    async consumeOne(data) {
      const known: Known = new Map();
      return rawOut(await adapter.consumeOne({ ...data, where: whereIn(data.model, data.where, known) }), known);
    },
    async incrementOne(data) {
      const known: Known = new Map();
      return rawOut(await adapter.incrementOne({ ...data, where: whereIn(data.model, data.where, known) }), known);
    },
  };
}
