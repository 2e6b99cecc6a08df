import type { ImportedEntries } from '../import/types';
import { aad, importAesKey, open, seal } from '../crypto/aes-gcm';
import { bytesToBase64, decodeBase64Strict } from '../crypto/base64';
import type { pendingImportItem } from '../storage';

const AAD = aad('pc-authenticator/pending-import/1');

/**
 * The entries of a source (a file, QR images, pasted text) the user is looking at in the
 * preview, kept until they confirm or cancel. The service worker may be stopped while they read, so the entries are stored in
 * `storage.session` — encrypted under a random key that only the page holds (it is the token):
 * a lock, a closed page or a new preview leaves nothing readable. One source at a time.
 */
export class PendingImport {
  constructor(
    private readonly store: typeof pendingImportItem,
    private readonly crypto: Crypto,
  ) {}

  /** Keeps `entries` (replacing any earlier source) and returns the token that opens them. */
  async put(entries: ImportedEntries): Promise<string> {
    const raw = this.crypto.getRandomValues(new Uint8Array(32));
    const id = this.crypto.randomUUID();
    try {
      const key = await importAesKey(this.crypto, raw);
      const plaintext = new TextEncoder().encode(JSON.stringify(entries));
      const box = await seal(this.crypto, key, plaintext, AAD);
      plaintext.fill(0);
      await this.store.setValue(JSON.stringify({ id, box }));
      return `${id}.${bytesToBase64(raw)}`;
    } finally {
      raw.fill(0);
    }
  }

  /** The entries behind `token`, or `undefined` when they were discarded or replaced. */
  async get(token: string): Promise<ImportedEntries | undefined> {
    const [id, key64] = typeof token === 'string' ? token.split('.') : [];
    const stored = await this.store.getValue();
    if (!id || !key64 || typeof stored !== 'string') return undefined;
    try {
      const { id: storedId, box } = JSON.parse(stored) as { id: unknown; box: unknown };
      if (storedId !== id) return undefined;
      const raw = decodeBase64Strict(key64, 'token');
      const key = await importAesKey(this.crypto, raw);
      raw.fill(0);
      const plaintext = await open(this.crypto, key, box, AAD);
      const entries = JSON.parse(new TextDecoder().decode(plaintext)) as ImportedEntries;
      plaintext.fill(0);
      return entries;
    } catch {
      return undefined;
    }
  }

  /** Forgets the source behind `token` (any token: there is only one). */
  async discard(): Promise<void> {
    await this.store.removeValue();
  }
}
