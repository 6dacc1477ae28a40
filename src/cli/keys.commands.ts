/** `pobyt keys …`: create the master-key file, add a new active key, re-wrap every data key under it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { newMasterKey } from '../platform/crypto.ts';
import { rotateKeys } from '../modules/civil-society/index.ts';
import { sealWebhookSecrets } from '../modules/agencies/index.ts';
import { progressBar } from './progress.ts';

/** For a first local start only: a key file under the data folder (never in the repository). */
export function ensureMasterKeyFile(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ active: 'k1', keys: { k1: newMasterKey() } }, null, 2), { mode: 0o600 });
  return true;
}

export function registerKeyCommands(program: Command) {
  const keys = program.command('keys').description('master keys for the encrypted fields');
  keys
    .command('add')
    .description('add a new master key to the key file and make it active (then run `keys rotate`)')
    .action(() => {
      const config = loadConfig();
      if (process.env.POBYT_MASTER_KEYS)
        throw new Error('Keys come from POBYT_MASTER_KEYS: add the new key there and set POBYT_MASTER_KEY_ACTIVE.');
      ensureMasterKeyFile(config.masterKeyFile);
      const doc = JSON.parse(readFileSync(config.masterKeyFile, 'utf8')) as { active: string; keys: Record<string, string> };
      const id = `k${Object.keys(doc.keys).length + 1}`;
      doc.keys[id] = newMasterKey();
      doc.active = id;
      writeFileSync(config.masterKeyFile, JSON.stringify(doc, null, 2), { mode: 0o600 });
      console.log(
        `Added master key ${id} and made it active in ${config.masterKeyFile}. Restart the service, then run \`pobyt keys rotate\`.`,
      );
    });
  keys
    .command('rotate')
    .description('re-wrap every data key and re-seal every webhook secret under the active master key (safe while the service runs)')
    .action(async () => {
      const config = loadConfig();
      if (!config.keyring) throw new Error('No master keys are configured.');
      const h = await openAndMigrate(config);
      const bar = progressBar('re-wrapping');
      try {
        const n = await rotateKeys(h.db, config.keyring, (d, t) => bar.update(d, t));
        bar.stop();
        const w = await sealWebhookSecrets(h.db, config.keyring);
        console.log(
          `${n} data key(s) re-wrapped and ${w} webhook secret(s) re-sealed under ${config.keyring.active}. Older master keys can be removed once no record uses them.`,
        );
      } finally {
        bar.stop();
        await h.close();
      }
    });
}
