import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  finishFromAnswer,
  mappable,
  prepareRound1,
  type PairOutcome,
} from '@partnergraph/shared/psi/initiator';
import { decodePoints, randomScalar, scalarFromHex, scalarToHex } from '@partnergraph/shared/psi/psi';
import { answerSets } from '@partnergraph/shared/psi/responder';
import { levelRank } from '@partnergraph/shared/contracts/mapping';
import { errorMessage } from '../../api/client';
import {
  mappingKeys,
  mappingTransport,
  postPeerAnswer,
  readPeerAnswer,
  readPeerRequest,
  readPeerReverse,
  runsQueryOptions,
} from '../../api/mapping';
import { loadLocalAccounts } from './local-accounts';
import type { PartnershipView } from './partnership-view';

// Partner ↔ partner: each browser does its half when its person presses the button; the server only
// carries the rounds. The initiator's scalar waits in this browser's storage until the answer comes; the
// answering partner's scalar for the reverse direction (its own sets, which the initiator answers when it
// finishes) waits until it reads that answer: each side learns what the other's levels grant.

const scalarKey = (runId: string) => `pg.mapping.run.${runId}`;
const backKey = (runId: string) => `pg.mapping.back.${runId}`;

/** My populations shared with this partner at counts or more that have accounts in this browser. */
const withAccounts = (p: PartnershipView) =>
  p.mine
    .map((m) => ({ ...m, accounts: loadLocalAccounts(m.populationId) }))
    .filter((m) => m.accounts.length > 0 && levelRank(m.level) >= levelRank('counts'));

function decodeSets(sets: readonly { populationId: string; points: string }[]) {
  return sets.map((s) => {
    const decoded = decodePoints(s.points);
    if (!decoded.ok) throw new Error(`The request is malformed: ${decoded.message}`);
    return { populationId: s.populationId, points: decoded.bytes };
  });
}

export function PeerRuns({ p, onOutcomes }: { p: PartnershipView; onOutcomes: (o: PairOutcome[]) => void }) {
  const queryClient = useQueryClient();
  const runs = useQuery(runsQueryOptions(p.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: mappingKeys.partnership(p.id) });
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    act(async () => {
      const pops = withAccounts(p);
      mappable(pops);
      const transport = mappingTransport(p.id);
      const run = await transport.start();
      const a = randomScalar();
      localStorage.setItem(scalarKey(run.id), scalarToHex(a));
      await transport.sendPoints(run.id, prepareRound1(pops, a, run.id).message);
    });

  const answer = (runId: string) =>
    act(async () => {
      const request = await readPeerRequest(runId);
      const pops = withAccounts(p);
      const reply = await answerSets(
        runId,
        decodeSets(request.sets),
        pops.map((m) => ({ ...m, b: randomScalar() })),
      );
      // The reverse direction: my own sets under a fresh scalar, answered by the initiator when it finishes.
      const back = randomScalar();
      const reverse = pops.length ? prepareRound1(pops, back, runId).message.sets : [];
      await postPeerAnswer(runId, { ...reply, reverse });
      if (reverse.length) localStorage.setItem(backKey(runId), scalarToHex(back));
    });

  const finish = (runId: string) =>
    act(async () => {
      const stored = localStorage.getItem(scalarKey(runId));
      if (!stored) throw new Error('This run was started in another browser: finish it there');
      const a = scalarFromHex(stored);
      const pops = withAccounts(p);
      const answered = await readPeerAnswer(runId);
      const { outcomes, message } = await finishFromAnswer(pops, a, runId, answered, {
        discloseMatches: false,
      });
      const reverse = answered.reverse?.length
        ? (
            await answerSets(
              runId,
              decodeSets(answered.reverse),
              pops.map((m) => ({ ...m, b: randomScalar() })),
            )
          ).responses
        : undefined;
      await mappingTransport(p.id).sendResults(runId, { ...message, reverse });
      localStorage.removeItem(scalarKey(runId));
      onOutcomes(outcomes);
    });

  /** The answering side: its own overlaps, from the initiator's answer to its reverse sets. */
  const learn = (runId: string) =>
    act(async () => {
      const stored = localStorage.getItem(backKey(runId));
      if (!stored) throw new Error('This run was answered in another browser: open it there');
      const answered = await readPeerReverse(runId);
      const { outcomes } = await finishFromAnswer(withAccounts(p), scalarFromHex(stored), runId, answered, {
        discloseMatches: false,
      });
      localStorage.removeItem(backKey(runId));
      onOutcomes(outcomes);
    });

  const waiting = (runs.data ?? []).filter(
    (r) =>
      r.status === 'awaiting_response' ||
      r.status === 'answered' ||
      (r.status === 'finished' && !r.mine && localStorage.getItem(backKey(r.id)) !== null),
  );
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => void start()} loading={busy} disabled={p.status !== 'active'}>
          Start mapping
        </Button>
        <Text size="sm" c="dimmed">
          {p.counterpart.name}’s browser answers when someone there opens this page and presses “Answer”.
        </Text>
      </Group>
      {waiting.map((r) =>
        r.mine ? (
          r.status === 'answered' ? (
            <Group key={r.id}>
              <Text size="sm">{p.counterpart.name} answered your run.</Text>
              <Button size="xs" loading={busy} onClick={() => void finish(r.id)}>
                Finish
              </Button>
            </Group>
          ) : (
            <Text key={r.id} size="sm" c="dimmed">
              Waiting for {p.counterpart.name} to answer (started {new Date(r.createdAt).toLocaleString()}).
            </Text>
          )
        ) : r.status === 'finished' ? (
          <Group key={r.id}>
            <Text size="sm">{p.counterpart.name} finished the run you answered.</Text>
            <Button size="xs" loading={busy} onClick={() => void learn(r.id)}>
              See your overlaps
            </Button>
          </Group>
        ) : r.status === 'awaiting_response' ? (
          <Group key={r.id}>
            <Text size="sm">{p.counterpart.name} asks to map accounts with you.</Text>
            <Button size="xs" loading={busy} onClick={() => void answer(r.id)}>
              Answer
            </Button>
          </Group>
        ) : null,
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
