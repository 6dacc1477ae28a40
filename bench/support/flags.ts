/**
 * Every bench file's flags, by file. `npm run bench -- <flags>` passes the same arguments to every
 * bench, so each file accepts its own flags and skips (with a note on stderr) the flags of the others;
 * a flag no bench knows is still an error.
 */
export const BENCH_FLAGS = {
  'case-api': ['--iterations', '--warmup', '--rounds', '--cases', '--baseline-factor'],
  visas: ['--visas', '--batch', '--seconds', '--connections', '--attempts', '--verify-visas', '--only'],
} as const;

/** Whether `name` is a flag of a bench other than `self` (every flag here takes a value). */
export function isOtherBenchFlag(self: keyof typeof BENCH_FLAGS, name: string): boolean {
  return Object.entries(BENCH_FLAGS).some(([file, flags]) => file !== self && (flags as readonly string[]).includes(name));
}
