/**
 * Every bench file's flags, by file. `npm run bench -- <flags>` passes the same arguments to every
 * bench, so each file accepts its own flags and skips (with a note on stderr) the flags of the others;
 * a flag no bench knows is still an error.
 */
export const BENCH_FLAGS = {
  'case-api': ['--iterations', '--warmup', '--rounds', '--cases', '--baseline-factor'],
  startup: ['--starts', '--load-seconds'],
  visas: ['--visas', '--batch', '--seconds', '--connections', '--attempts', '--verify-visas', '--only'],
} as const;

/** Whether `name` is a flag of a bench other than `self` (every flag here takes a value). */
export function isOtherBenchFlag(self: keyof typeof BENCH_FLAGS, name: string): boolean {
  return Object.entries(BENCH_FLAGS).some(([file, flags]) => file !== self && (flags as readonly string[]).includes(name));
}

/**
 * The argument loop both benches share: `--help` prints `usage` and exits; `--flag value` and
 * `--flag=value` both work; another bench's flags are skipped with a note; every other flag goes to
 * `take(name, value)`, which returns false for a flag it does not know (an error).
 */
export function parseBenchArgs(
  self: keyof typeof BENCH_FLAGS,
  argv: string[],
  usage: string,
  take: (name: string, raw: string | undefined) => boolean,
): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const raw = inline ?? argv[++i];
    if (isOtherBenchFlag(self, name)) {
      process.stderr.write(`${self}-bench: ${name} belongs to another bench; ignored here\n`);
      continue;
    }
    if (!take(name, raw)) throw new Error(`unknown argument ${a} (try --help)`);
  }
}

/** An integer flag value of at least `min`. */
export function intFlag(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} needs an integer ≥ ${min}, got ${raw}`);
  return n;
}
