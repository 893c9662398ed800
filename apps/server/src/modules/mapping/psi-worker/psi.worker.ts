import { parentPort } from 'node:worker_threads';
import { decodePoints } from '@partnergraph/shared/psi/psi';
import { answerSets } from '@partnergraph/shared/psi/responder';
import type { PsiReply, PsiTask } from './psi-pool';

// One thread of the pool: validates points and answers round 2 with the very functions the browser runs,
// away from the event loop that serves every other request.

const port = parentPort;
if (!port) throw new Error('psi.worker runs as a worker thread');

async function run(task: PsiTask): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  if (task.kind === 'decode') {
    const value = task.texts.map((t) => decodePoints(t, task.max));
    const transfer = value.flatMap((d) => (d.ok ? [d.bytes.buffer as ArrayBuffer] : []));
    return { value, transfer };
  }
  return { value: await answerSets(task.runId, task.sets, task.populations), transfer: [] };
}

port.on('message', (msg: { id: number; task: PsiTask }) => {
  run(msg.task).then(
    ({ value, transfer }) => port.postMessage({ id: msg.id, ok: true, value } satisfies PsiReply, transfer),
    (err: unknown) =>
      port.postMessage({
        id: msg.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies PsiReply),
  );
});
