/** A progress bar on a terminal; one plain line every two seconds when stderr is not a TTY (CI, logs). */
import cliProgress from 'cli-progress';

export function progressBar(label: string) {
  const tty = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    {
      format: tty ? `${label} [{bar}] {value}/{total} {percentage}%` : `${label} {value}/{total} {percentage}%`,
      noTTYOutput: !tty,
      notTTYSchedule: 2000,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
