import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { MAX_POST_CHARS } from './labels';
import { type FormEvent, useState } from 'react';
import type { Attachment } from '../../api/community';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import { MarkdownComposer } from './composer';
import { AttachmentsEditor } from './post-parts';

export interface PostDraft {
  title: string;
  body: string;
  attachments: Attachment[];
}

interface Props {
  spaceId: string;
  initial?: PostDraft;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: PostDraft) => void;
  onCancel?: () => void;
}

/** A post's title, Markdown body (with @mentions and a preview) and links. */
export function PostForm({ spaceId, initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [attachments, setAttachments] = useState<Attachment[]>(initial?.attachments ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = error instanceof ApiError ? error.fieldErrors() : {};
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = 'Give the post a title';
    if (!body.trim()) problems.body = 'Write something first';
    const links = attachments.filter((a) => a.title.trim() || a.url.trim());
    if (links.some((a) => !a.title.trim() || !/^https?:\/\/\S+$/i.test(a.url.trim())))
      problems.attachments = 'Each link needs a title and an http(s) address';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    onSubmit({
      title: title.trim(),
      body,
      attachments: links.map((a) => ({ title: a.title.trim(), url: a.url.trim() })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        {error && !Object.keys(server).length && (
          <Alert color="red" role="alert">
            {isStaleVersion(error)
              ? 'Someone changed this post while you edited it; it has been reloaded. Copy your text and try again.'
              : errorMessage(error)}
          </Alert>
        )}
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <MarkdownComposer
          label="Post"
          value={body}
          onChange={setBody}
          spaceId={spaceId}
          maxLength={MAX_POST_CHARS}
          error={errors.body}
          minRows={5}
        />
        <AttachmentsEditor value={attachments} onChange={setAttachments} errors={errors.attachments} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
