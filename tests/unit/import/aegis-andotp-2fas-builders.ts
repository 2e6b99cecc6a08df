import { scryptAsync } from '@noble/hashes/scrypt.js';

/**
 * Writers of synthetic Aegis / andOTP / 2FAS backups, following each app's layout, so the
 * importers are tested without the fixture folder and with cheap key derivation (small scrypt
 * N, few PBKDF2 iterations) where many runs are needed.
 */

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const jsonBytes = (value: unknown): Uint8Array => utf8(JSON.stringify(value));
export const random = (n: number): Uint8Array<ArrayBuffer> =>
  globalThis.crypto.getRandomValues(new Uint8Array(n));
export const hex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
export const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** AES-GCM: ciphertext ‖ 16-byte tag. */
export async function sealGcm(key: Uint8Array, iv: Uint8Array, plain: Uint8Array) {
  const k = await subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['encrypt']);
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(iv) },
    k,
    new Uint8Array(plain),
  );
  return new Uint8Array(sealed);
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number, hash: string) {
  const k = await subtle.importKey('raw', utf8(password) as BufferSource, 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: new Uint8Array(salt), iterations, hash },
    k,
    256,
  );
  return new Uint8Array(bits);
}

/** An Aegis `db` of `version` holding `entries` (by default a TOTP, a HOTP and a Steam entry). */
export function aegisDb(version = 3, entries: unknown[] = AEGIS_ENTRIES): Record<string, unknown> {
  return { version, entries, groups: [] };
}

export const AEGIS_ENTRIES: unknown[] = [
  {
    type: 'totp',
    name: 'alice@example.com',
    issuer: 'Example',
    info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
  },
  {
    type: 'hotp',
    name: 'bob',
    issuer: 'Counter Inc',
    info: { secret: 'GEZDGNBVGY3TQOJQ', algo: 'SHA256', digits: 8, counter: 42 },
  },
  {
    type: 'steam',
    name: 'gamer',
    issuer: 'Steam',
    info: { secret: 'GEZDGNBVGY3TQOJQ', algo: 'SHA1', digits: 5, period: 30 },
  },
];

/** A plain Aegis export. */
export const aegisPlain = (db: unknown = aegisDb()): Uint8Array =>
  jsonBytes({ version: 1, header: { slots: null, params: null }, db });

/**
 * An encrypted Aegis export: a random master key seals `db`; one password slot per password
 * (scrypt N = `n`, r = 8, p = 1) seals the master key. `extraSlots` are put first.
 */
export async function aegisEncrypted(
  db: unknown,
  passwords: string[],
  { n = 16, extraSlots = [] as unknown[], dbBytes = undefined as Uint8Array | undefined } = {},
): Promise<Uint8Array> {
  const masterKey = random(32);
  const slots: unknown[] = [...extraSlots];
  for (const password of passwords) {
    const salt = random(32);
    const slotKey = await scryptAsync(utf8(password), salt, { N: n, r: 8, p: 1, dkLen: 32 });
    const nonce = random(12);
    const sealed = await sealGcm(slotKey, nonce, masterKey);
    slots.push({
      type: 1,
      uuid: '00000000-0000-4000-8000-000000000000',
      key: hex(sealed.subarray(0, 32)),
      key_params: { nonce: hex(nonce), tag: hex(sealed.subarray(32)) },
      n,
      r: 8,
      p: 1,
      salt: hex(salt),
      repaired: true,
    });
  }
  const nonce = random(12);
  const sealedDb = await sealGcm(masterKey, nonce, dbBytes ?? jsonBytes(db));
  return jsonBytes({
    version: 1,
    header: {
      slots,
      params: { nonce: hex(nonce), tag: hex(sealedDb.subarray(sealedDb.length - 16)) },
    },
    db: base64(sealedDb.subarray(0, sealedDb.length - 16)),
  });
}

export const ANDOTP_ENTRIES: unknown[] = [
  {
    secret: 'JBSWY3DPEHPK3PXP',
    issuer: 'Example',
    label: 'alice@example.com',
    digits: 6,
    type: 'TOTP',
    algorithm: 'SHA1',
    period: 30,
    tags: [],
  },
  {
    secret: 'GEZDGNBVGY3TQOJQ',
    issuer: 'Counter Inc',
    label: 'bob',
    digits: 8,
    type: 'HOTP',
    algorithm: 'SHA256',
    counter: 42,
    tags: [],
  },
  {
    secret: 'GEZDGNBVGY3TQOJQ',
    issuer: 'Steam',
    label: 'gamer',
    digits: 5,
    type: 'STEAM',
    algorithm: 'SHA1',
    tags: [],
  },
];

/** andOTP's current layout: iterations ‖ salt ‖ nonce ‖ ciphertext ‖ tag. */
export async function andOtpNew(plain: Uint8Array, password: string, iterations = 1000) {
  const salt = random(12);
  const nonce = random(12);
  const sealed = await sealGcm(await pbkdf2(password, salt, iterations, 'SHA-1'), nonce, plain);
  const head = new Uint8Array(4);
  new DataView(head.buffer).setUint32(0, iterations);
  return new Uint8Array([...head, ...salt, ...nonce, ...sealed]);
}

/** andOTP's old layout: nonce ‖ ciphertext ‖ tag under SHA-256(password). */
export async function andOtpOld(plain: Uint8Array, password: string) {
  const key = new Uint8Array(await subtle.digest('SHA-256', utf8(password) as BufferSource));
  let nonce = random(12);
  // Keep the first four bytes from reading as a plausible iteration count (see andotp.ts).
  while (nonce[0] === 0) nonce = random(12);
  return new Uint8Array([...nonce, ...(await sealGcm(key, nonce, plain))]);
}

export const TWOFAS_SERVICES: unknown[] = [
  {
    name: 'Example',
    secret: 'JBSWY3DPEHPK3PXP',
    otp: {
      label: 'Example:alice@example.com',
      account: 'alice@example.com',
      issuer: 'Example',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
      tokenType: 'TOTP',
    },
  },
  {
    name: 'Counter Inc',
    secret: 'GEZDGNBVGY3TQOJQ',
    otp: {
      account: 'bob',
      issuer: 'Counter Inc',
      digits: 8,
      algorithm: 'SHA256',
      counter: 42,
      tokenType: 'HOTP',
    },
  },
  {
    name: 'Steam',
    secret: 'GEZDGNBVGY3TQOJQ',
    otp: { account: 'gamer', issuer: 'Steam', digits: 5, period: 30, tokenType: 'STEAM' },
  },
];

/** 2FAS's constant for checking the password (`reference`). */
export const TWOFAS_REFERENCE = 'reference-check-constant';

/** A 2FAS backup; encrypted (PBKDF2-SHA256 ×10,000, AES-GCM) when a password is given. */
export async function twoFas(
  services: unknown[],
  {
    password = undefined as string | undefined,
    schemaVersion = 4,
    reference = true,
    plainBytes = undefined as Uint8Array | undefined,
  } = {},
): Promise<Uint8Array> {
  const head = { groups: [], updatedAt: 0, schemaVersion, appOrigin: 'android' };
  if (password === undefined) return jsonBytes({ services, ...head });
  const salt = random(256);
  const key = await pbkdf2(password, salt, 10_000, 'SHA-256');
  const seal = async (plain: Uint8Array) => {
    const iv = random(12);
    return `${base64(await sealGcm(key, iv, plain))}:${base64(salt)}:${base64(iv)}`;
  };
  return jsonBytes({
    services: [],
    ...head,
    servicesEncrypted: await seal(plainBytes ?? jsonBytes(services)),
    ...(reference ? { reference: await seal(utf8(TWOFAS_REFERENCE)) } : {}),
  });
}
