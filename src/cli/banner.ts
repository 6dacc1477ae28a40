/**
 * What `pobyt start` prints. Demo passwords, the demo authority API key and the demo holder's birth
 * date go only to a terminal: when stdout is a file, a pipe or a log collector, the banner names the
 * files that hold them (mode 0600) instead.
 */
import type { DemoExtras, DemoLogin } from '../modules/demo/index.ts';

export function startBanner(o: {
  url: string;
  database: string;
  dataDir: string;
  logins: DemoLogin[];
  extras: DemoExtras | null;
  /** Whether stdout is a terminal (process.stdout.isTTY). */
  tty: boolean;
}): string[] {
  const lines = [
    `pobyt: applicants' pages at ${o.url}/  (cs, en, uk, ru, be)`,
    `  staff and partner pages: ${o.url}/cs/sign-in  (staff: cs, en; partner caseworkers: all five)`,
    `  listening on ${o.url} — database: ${o.database}`,
    `  API docs: ${o.url}/docs   health: ${o.url}/health`,
  ];
  if (!o.logins.length && !o.extras) return lines;
  if (!o.tty) {
    lines.push(
      `  Demo logins, the demo visa holder and the demo authority API key are in ${o.dataDir}/demo-credentials.json and ${o.dataDir}/demo-extras.json`,
      '  (secrets are printed only when the output is a terminal).',
    );
    return lines;
  }
  if (o.logins.length) {
    lines.push(`  Demo logins (saved in ${o.dataDir}/demo-credentials.json):`);
    for (const l of o.logins) lines.push(`    ${l.username.padEnd(13)} ${l.password}   ${l.role}${l.officeId ? ` @ ${l.officeId}` : ''}`);
  }
  if (o.extras) {
    lines.push(
      `  Demo visa holder (books a sticker at POST /api/v1/appointments): ${o.extras.holder.visaNumber}, born ${o.extras.holder.dateOfBirth}`,
      `  Demo authority API key (x-api-key, POST /api/v1/authority/verify): ${o.extras.authorityApiKey}`,
    );
  }
  return lines;
}
