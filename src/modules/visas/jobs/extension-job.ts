/**
 * The mass extension as a job on the queue (pg-boss), so that on several processes a run is worked
 * by exactly one of them at a time and survives the death of the one working it:
 *
 * - starting records the run and queues its job in one transaction (a run is never recorded without
 *   its job, nor queued twice);
 * - a worker — in whichever process fetches the job first — runs the batches; pg-boss refreshes the
 *   job's heartbeat while it works. A process killed mid-run stops the heartbeat; the queue's monitor
 *   fails the job after HEARTBEAT_SECONDS and any live process retries it: the retry resumes the run
 *   from its checkpoint (the committed batches), extending only what is left;
 * - graceful shutdown stops a run between two batches and queues its continuation, which another
 *   process (or this one, restarted) picks up;
 * - a run that failed or succeeded is not run again by a retry.
 */
import { fromKysely } from 'pg-boss';
import type { Db } from '../../../platform/db/db.ts';
import type { Boss } from '../../../platform/jobs.ts';
import { ExtensionStopped, recordExtensionRun, resumeExtensionRun, type ExtendOptions } from '../use-cases/extend-visas.ts';

export const EXTEND_QUEUE = 'visa-extend';
/** A worker that has not refreshed its job's heartbeat for this long is taken to be dead (pg-boss's minimum). */
export const HEARTBEAT_SECONDS = 10;

interface ExtendJob {
  runId: string;
}

/** Records a run and queues it; returns the run's id at once (progress at /api/v1/jobs/{id}). */
export async function queueExtension(db: Db, boss: Boss, o: Pick<ExtendOptions, 'ruleId' | 'dryRun' | 'batchSize' | 'actorId'>) {
  return db.transaction().execute(async (trx) => {
    const run = await recordExtensionRun(trx, o);
    if (!o.dryRun) await boss.send(EXTEND_QUEUE, { runId: run.runId } satisfies ExtendJob, { db: fromKysely(trx) });
    return run.runId;
  });
}

export interface ExtensionWorker {
  /** Asks a running batch walk to stop at the next batch boundary and queue its continuation. */
  stop(): void;
}

/** `onBatch`: called after each committed batch (e.g. to fence this process's replica reads). */
export async function startExtensionWorker(
  db: Db,
  boss: Boss,
  o: { pollSeconds?: number; onBatch?: () => void } = {},
): Promise<ExtensionWorker> {
  await boss.createQueue(EXTEND_QUEUE, { heartbeatSeconds: HEARTBEAT_SECONDS, retryLimit: 100, retryDelay: 1, expireInSeconds: 86400 });
  const stopping = new AbortController();
  await boss.work<ExtendJob>(
    EXTEND_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: o.pollSeconds ?? 2, heartbeatRefreshSeconds: 2 },
    async ([job]) => {
      const { runId } = job!.data;
      try {
        await resumeExtensionRun(db, runId, { signal: stopping.signal, ...(o.onBatch ? { onProgress: o.onBatch } : {}) });
      } catch (e) {
        if (!(e instanceof ExtensionStopped)) throw e;
        // Stopped between batches by shutdown: this job completes and a continuation waits for the next worker.
        await boss.send(EXTEND_QUEUE, { runId } satisfies ExtendJob);
      }
    },
  );
  return { stop: () => stopping.abort() };
}
