import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sharingLevels, type SharingLevel } from '@partnergraph/shared/contracts/mapping';
import { runAsInitiator, type PairOutcome } from '@partnergraph/shared/psi/initiator';
import { shownCount } from '@partnergraph/shared/psi/protocol';
import { errorMessage } from '../../api/client';
import {
  mappingKeys,
  mappingTransport,
  matrixQueryOptions,
  overlapsCsvUrl,
  overlapsQueryOptions,
  requestsQueryOptions,
  runsQueryOptions,
  useAnswerRequest,
  useRequestMore,
  useOptIn,
  useSetLevel,
} from '../../api/mapping';
import { ErrorAlert } from '../../components/query-state';
import { useCan } from '../auth/session';
import { IntroButton, InviteButton } from './intro-form';
import { loadLocalAccounts } from './local-accounts';
import type { PartnershipView } from './partnership-view';
import { PeerRuns } from './peer-runs';
import { levelLabels } from './populations-section';
import { UnseenHeader } from '../../components/unseen-header';

const levelOptions = sharingLevels.map((l) => ({ value: l, label: levelLabels[l]! }));
const higher = (l: SharingLevel) =>
  sharingLevels.slice(sharingLevels.indexOf(l) + 1).filter((x) => x !== 'hidden');

function Levels({ p }: { p: PartnershipView }) {
  const setLevel = useSetLevel();
  const requestMore = useRequestMore();
  const canManage = useCan('mapping:manage');
  return (
    <Group align="flex-start" grow>
      <Stack gap="xs">
        <Title order={3}>What {p.counterpart.name} gets from you</Title>
        {p.mine.map((m) => (
          <Select
            key={m.populationId}
            label={m.name}
            description={m.overridden ? 'Set for this counterpart' : 'Your default'}
            data={levelOptions}
            value={m.level}
            allowDeselect={false}
            disabled={!canManage || setLevel.isPending}
            onChange={(v) =>
              v && setLevel.mutate({ id: p.id, populationId: m.populationId, level: v as SharingLevel })
            }
          />
        ))}
        {p.mine.length === 0 && <Text c="dimmed">Define a population first.</Text>}
        {setLevel.error && <ErrorAlert error={setLevel.error} />}
      </Stack>
      <Stack gap="xs">
        <Title order={3}>What {p.counterpart.name} shares with you</Title>
        {p.theirs.map((t) => (
          <Group key={t.populationId} justify="space-between">
            <Text>
              {t.name}: <Badge variant="light">{levelLabels[t.level]}</Badge>
              {t.level === 'overlaps' && t.sharedFields.length > 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t.sharedFields.join(', ')})
                </Text>
              )}
            </Text>
            {canManage && higher(t.level).length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() =>
                  requestMore.mutate({
                    id: p.id,
                    populationId: t.populationId,
                    requestedLevel: higher(t.level)[0] as 'counts' | 'overlaps' | 'full',
                  })
                }
              >
                Request more
              </Button>
            )}
          </Group>
        ))}
        {p.theirs.length === 0 && <Text c="dimmed">Nothing shared with you yet.</Text>}
        {requestMore.error && <Text c="red">{errorMessage(requestMore.error)}</Text>}
        {requestMore.isSuccess && <Text size="sm">Request sent.</Text>}
      </Stack>
    </Group>
  );
}

function Requests({ id }: { id: string }) {
  const query = useQuery(requestsQueryOptions(id));
  const answer = useAnswerRequest();
  const open = (query.data ?? []).filter((r) => r.status === 'open' && !r.fromMe);
  if (open.length === 0) return null;
  return (
    <Alert title="Asked to share more">
      {open.map((r) => (
        <Group key={r.id} justify="space-between">
          <Text size="sm">
            {r.populationName} at “{levelLabels[r.requestedLevel]}” {r.message && `— ${r.message}`}
          </Text>
          <Group gap="xs">
            <Button size="xs" onClick={() => answer.mutate({ id: r.id, grant: true })}>
              Grant
            </Button>
            <Button size="xs" variant="default" onClick={() => answer.mutate({ id: r.id, grant: false })}>
              Decline
            </Button>
          </Group>
        </Group>
      ))}
    </Alert>
  );
}

/** Runs the intersection here, in the browser, on the accounts this browser holds. */
function RunMapping({ p }: { p: PartnershipView }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<PairOutcome[] | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const pops = p.mine.map((m) => ({ ...m, accounts: loadLocalAccounts(m.populationId) }));
      const result = await runAsInitiator(mappingTransport(p.id), pops);
      setOutcomes(result.outcomes);
      await queryClient.invalidateQueries({ queryKey: mappingKeys.partnership(p.id) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const name = (id: string, list: { populationId: string; name: string }[]) =>
    list.find((x) => x.populationId === id)?.name ?? '';
  return (
    <Stack gap="xs">
      {p.kind === 'partner_partner' ? (
        <PeerRuns p={p} onOutcomes={setOutcomes} />
      ) : (
        <Group>
          <Button onClick={() => void run()} loading={busy} disabled={p.status !== 'active'}>
            Run mapping
          </Button>
          <Text size="sm" c="dimmed">
            Your accounts are blinded in this browser; only points leave it.
          </Text>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {outcomes?.some((o) => o.matches) && (
        <Stack gap="xs">
          <Title order={3}>Your matching accounts (computed in this browser)</Title>
          <Table aria-label="Matches in this browser">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Your account</Table.Th>
                <Table.Th>Their population</Table.Th>
                <Table.Th>What they share</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.flatMap((o) =>
                (o.matches ?? []).map((m, i) => (
                  <Table.Tr key={`${o.populationId}-${o.againstPopulationId}-${i}`}>
                    <Table.Td>{m.account.fields.name ?? m.account.keys[0]}</Table.Td>
                    <Table.Td>{name(o.againstPopulationId, p.theirs)}</Table.Td>
                    <Table.Td>
                      {Object.entries(m.theirFields ?? {})
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}

function Matrix({ id }: { id: string }) {
  const query = useQuery(matrixQueryOptions(id));
  if (!query.data) return null;
  if (query.data.cells.length === 0) return <Text c="dimmed">No finished run yet.</Text>;
  const rows = [...new Set(query.data.cells.map((c) => c.initiatorPopulationName))];
  const cols = [...new Set(query.data.cells.map((c) => c.responderPopulationName))];
  return (
    <Table aria-label="Overlap matrix" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Partner population ↓ / vendor population →</Table.Th>
          {cols.map((c) => (
            <Table.Th key={c}>{c}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r}>
            <Table.Td>{r}</Table.Td>
            {cols.map((c) => {
              const cell = query.data.cells.find(
                (x) => x.initiatorPopulationName === r && x.responderPopulationName === c,
              );
              return <Table.Td key={c}>{cell ? cell.shown : '—'}</Table.Td>;
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Overlaps({ p }: { p: PartnershipView }) {
  const [q, setQ] = useState('');
  const query = useQuery(overlapsQueryOptions(p.id, q));
  const canIntro = useCan('mapping:intro');
  const canInvite = useCan('mapping:involve') && !canIntro && p.kind === 'vendor_partner';
  const invitable = (o: { openDeals: { counterpartOnIt: boolean }[] }) =>
    canInvite && o.openDeals.some((d) => !d.counterpartOnIt);
  const actions = canIntro || (query.data ?? []).some(invitable);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <TextInput
          placeholder="Filter by name or domain"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Anchor href={overlapsCsvUrl(p.id)} download>
          Export what was shared (CSV)
        </Anchor>
      </Group>
      {query.error && <ErrorAlert error={query.error} />}
      <Table aria-label="Overlapping accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Populations</Table.Th>
            <Table.Th>Vendor shares</Table.Th>
            <Table.Th>Partner shares</Table.Th>
            {actions && <UnseenHeader>Actions</UnseenHeader>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(query.data ?? []).map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                {o.account.name ?? o.partnerFields.name ?? '—'}
                <Text size="xs" c="dimmed">
                  {o.account.domains.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {o.initiatorPopulationName} × {o.responderPopulationName}
              </Table.Td>
              <Table.Td>
                {Object.entries(o.account.fields)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(' · ')}
              </Table.Td>
              <Table.Td>
                {Object.entries(o.partnerFields)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(' · ')}
              </Table.Td>
              {actions && (
                <Table.Td>
                  {canIntro ? (
                    <IntroButton
                      partnershipId={p.id}
                      overlapId={o.id}
                      companyName={o.account.name ?? o.partnerFields.name ?? ''}
                      companyDomain={o.account.domains[0] ?? ''}
                      canJoinDeal={o.canRequestInvolvement}
                    />
                  ) : invitable(o) ? (
                    <InviteButton
                      partnershipId={p.id}
                      overlapId={o.id}
                      companyName={o.account.name ?? o.partnerFields.name ?? ''}
                      partnerName={p.counterpart.name}
                      deals={o.openDeals}
                    />
                  ) : null}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data?.length === 0 && (
        <Text c="dimmed">No overlapping accounts shared: each side’s level decides what is listed here.</Text>
      )}
    </Stack>
  );
}

function Runs({ id }: { id: string }) {
  const query = useQuery(runsQueryOptions(id));
  const runs = query.data ?? [];
  if (runs.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      Last runs (both sides see each):{' '}
      {runs
        .slice(0, 5)
        .map((r) => `${new Date(r.createdAt).toLocaleString()} by ${r.startedBy ?? 'someone'} (${r.status})`)
        .join('; ')}
    </Text>
  );
}

function OptInHere({ p }: { p: PartnershipView }) {
  const optIn = useOptIn();
  if (p.status === 'active' || p.optedIn) return null;
  return (
    <Alert title={`${p.counterpart.name} asks to map accounts with you`}>
      <Button size="xs" loading={optIn.isPending} onClick={() => optIn.mutate(p.counterpart.id)}>
        Opt in
      </Button>
      {optIn.error && <Text c="red">{errorMessage(optIn.error)}</Text>}
    </Alert>
  );
}

export function PartnershipPanel({ p }: { p: PartnershipView }) {
  const canRun = useCan('mapping:run');
  const canManage = useCan('mapping:manage');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{p.counterpart.name}</Title>
        <Badge color={p.status === 'active' ? 'green' : 'yellow'}>
          {p.status === 'active' ? 'Mapping' : 'Waiting for the other side to opt in'}
        </Badge>
      </Group>
      {canManage && <OptInHere p={p} />}
      <Levels p={p} />
      <Requests id={p.id} />
      {canRun && <RunMapping p={p} />}
      <Title order={3}>Overlap counts</Title>
      <Text size="xs" c="dimmed">
        Counts under 3 show as “{shownCount(0)}”.
      </Text>
      <Matrix id={p.id} />
      <Title order={3}>Overlapping accounts</Title>
      <Overlaps p={p} />
      <Runs id={p.id} />
    </Stack>
  );
}
