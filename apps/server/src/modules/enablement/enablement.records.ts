import type { Segment } from '@partnergraph/shared/contracts/community';
import type { Queryable } from '../../db/client';
import type { ChangeRecorder } from '../../db/transaction';
import type { Config } from '../../config';
import { newId } from '../../lib/ids';
import type { SecretBox } from '../../lib/secrets';
import { renderMarkdown } from '../community/markdown';
import { issueCertification } from './certifications.service';
import { insertCertificationType } from './certifications.repository';
import {
  contentAssets,
  contentAssetVersions,
  contentCollections,
  courseCompletions,
} from './enablement.tables';
import { insertCourse, insertPath } from './learning.repository';

// Enablement's rows as they are, with their own dates and no rules or audit: written by the demo seed
// and the tests (seed/factories, route examples), as imports of history would write them.

const everySegment = (s: Partial<Segment> | undefined): Segment | null =>
  s
    ? {
        partnerTypes: s.partnerTypes ?? [],
        programIds: s.programIds ?? [],
        tierIds: s.tierIds ?? [],
        countries: s.countries ?? [],
      }
    : null;

/** Records carry no audit: a recorder that keeps nothing. */
const silent: ChangeRecorder = { audit: () => undefined, event: () => undefined };

export async function createCollectionRecord(
  q: Queryable,
  input: { name: string; description?: string; segment?: Partial<Segment> },
) {
  const [row] = await q
    .insert(contentCollections)
    .values({
      id: newId(),
      name: input.name,
      description: input.description ?? '',
      segment: everySegment(input.segment),
    })
    .returning();
  return row!;
}

export async function createAssetRecord(
  q: Queryable,
  input: {
    kind: 'link' | 'rich_text' | 'file';
    title: string;
    description?: string;
    url?: string;
    body?: string;
    segment?: Partial<Segment>;
    collectionId?: string | null;
    ownerUserId?: string | null;
    reviewOn?: string | null;
    expiresOn?: string | null;
    publishedAt?: Date;
    file?: { id: string; fileName: string; contentType: string; bytes: number };
  },
) {
  const id = newId();
  const file = input.file
    ? {
        fileId: input.file.id,
        fileName: input.file.fileName,
        fileContentType: input.file.contentType,
        fileBytes: input.file.bytes,
      }
    : {};
  const publishedAt = input.publishedAt ?? new Date();
  const [row] = await q
    .insert(contentAssets)
    .values({
      id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      url: input.url ?? null,
      body: input.body ?? null,
      html: input.body ? renderMarkdown(input.body) : null,
      segment: everySegment(input.segment),
      collectionId: input.collectionId ?? null,
      ownerUserId: input.ownerUserId ?? null,
      reviewOn: input.reviewOn ?? null,
      expiresOn: input.expiresOn ?? null,
      publishedAt,
      updatedAt: publishedAt,
      ...file,
    })
    .returning();
  await q.insert(contentAssetVersions).values({
    assetId: id,
    number: 1,
    title: input.title,
    url: input.url ?? null,
    body: input.body ?? null,
    note: 'First version',
    createdByUserId: input.ownerUserId ?? null,
    createdAt: publishedAt,
    ...file,
  });
  return row!;
}

export async function createCourseRecord(
  q: Queryable,
  input: {
    title: string;
    description?: string;
    segment?: Partial<Segment>;
    status?: 'draft' | 'published';
    passingScore?: number;
    lessons: { title: string; body?: string; assetId?: string }[];
    questions: { prompt: string; options: string[]; correctOption: number }[];
    /** When it was written (the demo's history); now by default. */
    createdAt?: Date;
  },
) {
  const id = newId();
  const lessons = input.lessons.map((l, position) => ({
    id: newId(),
    courseId: id,
    position,
    title: l.title,
    body: l.body ?? '',
    html: renderMarkdown(l.body ?? ''),
    assetId: l.assetId ?? null,
  }));
  const questions = input.questions.map((qq, position) => ({ id: newId(), courseId: id, position, ...qq }));
  await insertCourse(
    q,
    {
      id,
      title: input.title,
      description: input.description ?? '',
      segment: everySegment(input.segment),
      status: input.status ?? 'published',
      passingScore: input.passingScore ?? 80,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
    lessons,
    questions,
  );
  return { id, lessons, questions };
}

export async function createCertificationTypeRecord(
  q: Queryable,
  input: { code: string; name: string; description?: string; validityMonths?: number | null },
) {
  const row = await insertCertificationType(q, {
    id: newId(),
    code: input.code,
    name: input.name,
    description: input.description ?? '',
    validityMonths: input.validityMonths ?? null,
  });
  return row!;
}

export async function createPathRecord(
  q: Queryable,
  input: {
    title: string;
    courseIds: string[];
    certificationTypeId?: string | null;
    segment?: Partial<Segment>;
  },
) {
  const id = newId();
  await insertPath(
    q,
    {
      id,
      title: input.title,
      description: '',
      segment: everySegment(input.segment),
      certificationTypeId: input.certificationTypeId ?? null,
    },
    input.courseIds,
  );
  return { id };
}

export async function createCompletionRecord(
  q: Queryable,
  input: {
    courseId: string;
    userId: string;
    organizationId: string;
    completedAt: Date;
    score?: number | null;
    source?: 'course' | 'lms';
  },
) {
  await q
    .insert(courseCompletions)
    .values({ ...input, score: input.score ?? null, source: input.source ?? 'course' })
    .onConflictDoNothing();
}

/** A certification with its signed badge, as it was issued on `issuedOn`. */
export async function createCertificationRecord(
  q: Queryable,
  deps: { secrets: SecretBox; config: Pick<Config, 'PUBLIC_URL'> },
  input: {
    typeId: string;
    user: { id: string; name: string; email: string; organizationId: string };
    issuedOn: string;
    expiresOn?: string | null;
    source?: 'path' | 'vendor' | 'lms' | 'import';
  },
) {
  return issueCertification(q, deps, silent, {
    typeId: input.typeId,
    user: input.user,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn,
    source: input.source ?? 'vendor',
    recordedByUserId: null,
  });
}
