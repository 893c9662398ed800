import { Button, Group, Tooltip } from '@mantine/core';
import { reactionKinds } from '@partnergraph/shared/community-codes';
import { type Comment, type Post, useReaction } from '../../api/community';
import { useCan } from '../auth/session';
import { reactionCopy } from './labels';

interface Props {
  target: 'posts' | 'comments';
  id: string;
  postId: string;
  reactions: (Post | Comment)['reactions'];
  disabled?: boolean;
}

/** One toggle per reaction kind, with its count; pressed when the viewer reacted so. */
export function Reactions({ target, id, postId, reactions, disabled }: Props) {
  const react = useReaction(target, id, postId);
  // An analyst reads the counts and does not react.
  const participates = useCan('community:participate');
  return (
    <Group gap={4} role="group" aria-label="Reactions">
      {reactionKinds.map((kind) => {
        const r = reactions.find((x) => x.kind === kind);
        const count = r?.count ?? 0;
        const mine = r?.mine ?? false;
        const copy = reactionCopy[kind];
        return (
          <Tooltip key={kind} label={copy.label} withArrow>
            <Button
              size="compact-xs"
              variant={mine ? 'light' : 'subtle'}
              color={mine ? 'indigo' : 'gray'}
              aria-pressed={mine}
              aria-label={`${copy.label} (${count})`}
              disabled={disabled || !participates || react.isPending}
              onClick={() => react.mutate({ kind, mine })}
            >
              <span aria-hidden>{copy.emoji}</span>
              {count > 0 && <span style={{ marginLeft: 4 }}>{count}</span>}
            </Button>
          </Tooltip>
        );
      })}
    </Group>
  );
}
