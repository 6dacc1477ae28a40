/**
 * Envelope encryption for sensitive fields (persecution narrative, contacts, evidence): each record
 * has its own random 256-bit data key; fields are sealed with AES-256-GCM under it (the record id and
 * field name as associated data, so a ciphertext cannot be moved to another record or field); the data
 * key is stored wrapped by a master key from the environment or a key file. Rotating the master key
 * re-wraps data keys only; field ciphertexts stay as they are.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export interface Keyring {
  active: string;
  keys: Record<string, Buffer>;
}

export class KeyringError extends Error {}

function parseKey(id: string, b64: string): Buffer {
  const k = Buffer.from(b64, 'base64');
  if (k.length !== 32) throw new KeyringError(`master key ${id} must be 32 bytes (base64)`);
  return k;
}

/** POBYT_MASTER_KEYS="id:base64[,id:base64…]" with POBYT_MASTER_KEY_ACTIVE=id, or POBYT_MASTER_KEY_FILE={"active","keys":{id:base64}}. */
export function loadKeyring(env: NodeJS.ProcessEnv, fallbackFile: string | null): Keyring | null {
  let active: string | undefined;
  let raw: Record<string, string> = {};
  if (env.POBYT_MASTER_KEYS) {
    for (const part of env.POBYT_MASTER_KEYS.split(',')) {
      const [id, b64] = part.split(':');
      if (!id || !b64) throw new KeyringError('POBYT_MASTER_KEYS is "id:base64,…"');
      raw[id] = b64;
    }
    active = env.POBYT_MASTER_KEY_ACTIVE ?? Object.keys(raw).at(-1);
  } else {
    const file = env.POBYT_MASTER_KEY_FILE ?? fallbackFile;
    if (!file || !existsSync(file)) return null;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { active: string; keys: Record<string, string> };
    raw = doc.keys;
    active = doc.active;
  }
  if (!active || !raw[active]) throw new KeyringError('the active master key is not in the keyring');
  return { active, keys: Object.fromEntries(Object.entries(raw).map(([id, b64]) => [id, parseKey(id, b64)])) };
}

export function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), ct]); // version 1 | iv | tag | ciphertext
}

function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed[0] !== 1) throw new KeyringError('unknown ciphertext version');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([d.update(sealed.subarray(29)), d.final()]);
}

export interface RecordKey {
  dek: Buffer;
  wrapped: Buffer;
  masterId: string;
}

export function newRecordKey(ring: Keyring, recordId: string): RecordKey {
  const dek = randomBytes(32);
  return { dek, wrapped: seal(ring.keys[ring.active]!, dek, `dek:${recordId}`), masterId: ring.active };
}

export function unwrapRecordKey(ring: Keyring, recordId: string, wrapped: Buffer, masterId: string): Buffer {
  const mk = ring.keys[masterId];
  if (!mk) throw new KeyringError(`master key ${masterId} is not in the keyring`);
  return open(mk, wrapped, `dek:${recordId}`);
}

export function rewrapRecordKey(ring: Keyring, recordId: string, wrapped: Buffer, masterId: string): { wrapped: Buffer; masterId: string } {
  const dek = unwrapRecordKey(ring, recordId, wrapped, masterId);
  return { wrapped: seal(ring.keys[ring.active]!, dek, `dek:${recordId}`), masterId: ring.active };
}

export function sealField(dek: Buffer, recordId: string, field: string, value: string | Buffer): Buffer {
  return seal(dek, Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), `${recordId}:${field}`);
}

export function openField(dek: Buffer, recordId: string, field: string, sealed: Buffer): Buffer {
  return open(dek, sealed, `${recordId}:${field}`);
}

/**
 * A short secret the service must read back in plaintext (a webhook signing secret), sealed directly
 * by the active master key and bound to `aad` (e.g. the owning record), so a copy of the database
 * alone does not reveal it. Rotation re-seals it under the new active key (`resealSecret`).
 */
export function sealSecret(ring: Keyring, aad: string, value: string): { sealed: Buffer; masterId: string } {
  return { sealed: seal(ring.keys[ring.active]!, Buffer.from(value, 'utf8'), `secret:${aad}`), masterId: ring.active };
}

export function openSecret(ring: Keyring, aad: string, sealed: Buffer, masterId: string): string {
  const mk = ring.keys[masterId];
  if (!mk) throw new KeyringError(`master key ${masterId} is not in the keyring`);
  return open(mk, sealed, `secret:${aad}`).toString('utf8');
}
