import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { VAULT_DB_NAME, VaultDatabase } from '../../../lib/db/vault-database';

function freshDb(name?: string) {
  return new VaultDatabase({ indexedDB: new IDBFactory(), IDBKeyRange, name });
}

describe('VaultDatabase', () => {
  it('has a meta table keyed by key and an accounts table keyed by id with an order index', async () => {
    const db = freshDb();
    await db.open();
    expect(db.name).toBe(VAULT_DB_NAME);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['accounts', 'meta']);
    expect(db.meta.schema.primKey.keyPath).toBe('key');
    expect(db.accounts.schema.primKey.keyPath).toBe('id');
    expect(db.accounts.schema.indexes.map((i) => i.name)).toEqual(['order']);
    db.close();
  });

  it('sorts accounts by the order index', async () => {
    const db = freshDb();
    const record = (id: string, order: number) => ({
      id,
      order,
      iv: '',
      ciphertext: '',
      updatedAt: 0,
    });
    await db.accounts.bulkAdd([record('c', 2), record('a', 0), record('b', 1)]);
    expect((await db.accounts.orderBy('order').toArray()).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('each IDBFactory is an isolated world', async () => {
    const one = freshDb();
    const two = freshDb();
    await one.meta.put({ key: 'header', value: 1 });
    expect(await two.meta.count()).toBe(0);
  });

  it('takes a database name', () => {
    expect(freshDb('other').name).toBe('other');
  });

  it.each([
    ['no indexedDB', { IDBKeyRange }],
    ['no IDBKeyRange', { indexedDB: new IDBFactory() }],
  ])('refuses to fall back to globals: %s', (_, options) => {
    expect(() => new VaultDatabase(options as never)).toThrow(TypeError);
  });
});
