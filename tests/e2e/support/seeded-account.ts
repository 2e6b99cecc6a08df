import type { Page } from 'playwright-core';
import { KOSMO_ORIGIN, replicaHook } from './kosmo-site';
import { sendFromPage } from './messages';

interface ReplicaUsers {
  users: { username: string; devices: { secret: string }[] }[];
}

/**
 * Adds the replica's seeded device of `username` (user2 has one) to the vault, bound to the KOSMO
 * origin as if it had been enrolled there. Returns its Base32 key, to compute codes with oathtool.
 */
export async function addSeededAccount(
  page: Page,
  serverUrl: string,
  username = 'user2',
): Promise<string> {
  const state = await replicaHook<ReplicaUsers>(serverUrl, '/__test/state');
  const key = state.users.find((u) => u.username === username)?.devices[0]?.secret;
  if (!key) throw new Error(`the replica has no device for ${username}`);
  const added = await sendFromPage(page, 'accounts.add', {
    uri: `otpauth://totp/KOSMO:${username}?secret=${key}&issuer=KOSMO`,
  });
  if (!added.ok) throw new Error(`could not add ${username}`);
  await sendFromPage(page, 'accounts.bind', {
    id: added.value.id,
    origin: KOSMO_ORIGIN,
    bound: true,
  });
  return key;
}
