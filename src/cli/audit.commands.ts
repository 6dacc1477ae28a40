/** `pobyt audit verify`: the hash chains of the audit log and the case log, optionally against saved anchors. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { systemClock } from '../platform/clock.ts';
import { parseAnchorFile, readAnchors, verifyAuditChains } from '../modules/audit/index.ts';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('the tamper-evident audit');
  audit
    .command('verify')
    .description('verify the hash chains of audit_events and case_actions; exit 2 on the first broken link')
    .option('--anchors <file>', 'also check the anchors saved earlier (catches a cut-off tail)')
    .option('--save-anchors <file>', 'after a good check, write the last row of each chain to this file (keep it off the database host)')
    .action(async (o: { anchors?: string; saveAnchors?: string }) => {
      const anchors = o.anchors ? parseAnchorFile(readFileSync(o.anchors, 'utf8')) : null;
      const h = await openAndMigrate(loadConfig());
      try {
        const r = await verifyAuditChains(h.db, anchors);
        for (const t of r.tables) {
          const b = t.firstBreak;
          console.log(`${t.table}: ${t.rows} rows, ${b ? `BROKEN at id ${b.id ?? '?'}: ${b.reason} — ${b.detail}` : 'chain ok'}`);
        }
        if (anchors) console.log(`anchors checked: ${r.anchorsChecked} (saved ${anchors.savedAt})`);
        if (!r.ok) {
          process.exitCode = 2;
          return;
        }
        if (o.saveAnchors) {
          writeFileSync(o.saveAnchors, `${JSON.stringify(await readAnchors(h.db, systemClock), null, 2)}\n`);
          console.log(`anchors written to ${o.saveAnchors}`);
        }
      } finally {
        await h.close();
      }
    });
}
