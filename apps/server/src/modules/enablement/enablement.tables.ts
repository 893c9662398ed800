import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Segment } from '@partnergraph/shared/contracts/community';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';
import { files } from '../files/files.tables';

// Who an asset, a collection, a course or a path is for: the community's segment (segments.ts), read at
// read time, so a partner promoted to Gold sees the Gold content at once. Null: every partner.
type SegmentSpec = Segment;

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });
const byUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

// --- Content library ---

export const contentCollections = pgTable('content_collections', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  segment: jsonb('segment').$type<SegmentSpec>(),
  /** Optimistic concurrency: each edit names the version it read (409 when stale). */
  version: integer('version').notNull().default(1),
  createdByUserId: byUser('created_by_user_id'),
  createdAt: created(),
});

export const contentAssets = pgTable(
  'content_assets',
  {
    id: uuid('id').primaryKey(),
    collectionId: uuid('collection_id').references(() => contentCollections.id, { onDelete: 'set null' }),
    /** Its place in its collection, as the vendor ordered it; null: after the ordered ones, newest first. */
    collectionPosition: integer('collection_position'),
    kind: text('kind', { enum: ['link', 'rich_text', 'file'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    url: text('url'),
    body: text('body'),
    /** Rendered once, at write, by the community's Markdown renderer (raw HTML off, sanitized). */
    html: text('html'),
    fileId: uuid('file_id').references(() => files.id, { onDelete: 'set null' }),
    fileName: text('file_name'),
    fileContentType: text('file_content_type'),
    fileBytes: integer('file_bytes'),
    segment: jsonb('segment').$type<SegmentSpec>(),
    ownerUserId: byUser('owner_user_id'),
    reviewOn: date('review_on'),
    expiresOn: date('expires_on'),
    currentVersion: integer('current_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    publishedAt: at('published_at').notNull().defaultNow(),
    /** Retired by the vendor: kept with its versions for the record, gone for partners (404) and from lists. */
    retiredAt: at('retired_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    createdAt: created(),
  },
  (t) => [index('content_assets_published_idx').on(t.publishedAt, t.id)],
);

/** Every version of an asset as it was published; the asset row holds the current one. */
export const contentAssetVersions = pgTable(
  'content_asset_versions',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    body: text('body'),
    fileId: uuid('file_id').references(() => files.id, { onDelete: 'set null' }),
    fileName: text('file_name'),
    fileContentType: text('file_content_type'),
    fileBytes: integer('file_bytes'),
    note: text('note').notNull().default(''),
    createdByUserId: byUser('created_by_user_id'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.number] })],
);

/** Who viewed or downloaded what: the library's usage analytics, per person and partner. */
export const contentUsageEvents = pgTable(
  'content_usage_events',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['view', 'download'] }).notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    index('content_usage_asset_idx').on(t.assetId, t.at),
    index('content_usage_org_idx').on(t.organizationId, t.at),
  ],
);

// --- Learning ---

export const courses = pgTable('courses', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  segment: jsonb('segment').$type<SegmentSpec>(),
  status: text('status', { enum: ['draft', 'published'] }).notNull(),
  passingScore: integer('passing_score').notNull(),
  /**
   * The quiz in force: editing the questions or the passing score starts a new one. Earlier quizzes'
   * questions stay with the attempts made against them, so a pass is never re-graded.
   */
  quizVersion: integer('quiz_version').notNull().default(1),
  /** Optimistic concurrency: each edit names the version it read (409 when stale). */
  version: integer('version').notNull().default(1),
  createdByUserId: byUser('created_by_user_id'),
  createdAt: created(),
});

export const courseLessons = pgTable(
  'course_lessons',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    html: text('html').notNull().default(''),
    assetId: uuid('asset_id').references(() => contentAssets.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('course_lessons_position_unique').on(t.courseId, t.position)],
);

export const quizQuestions = pgTable(
  'quiz_questions',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The course's quiz this question belongs to (courses.quiz_version is the one in force). */
    quizVersion: integer('quiz_version').notNull().default(1),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    correctOption: integer('correct_option').notNull(),
  },
  (t) => [uniqueIndex('quiz_questions_position_unique').on(t.courseId, t.quizVersion, t.position)],
);

export const lessonCompletions = pgTable(
  'lesson_completions',
  {
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => courseLessons.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    completedAt: at('completed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.userId] }), index('lesson_completions_user_idx').on(t.userId)],
);

export const quizSubmissions = pgTable(
  'quiz_submissions',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The quiz answered: its questions are kept, whatever later edits do. */
    quizVersion: integer('quiz_version').notNull().default(1),
    answers: jsonb('answers').$type<{ questionId: string; option: number }[]>().notNull(),
    score: integer('score').notNull(),
    passed: boolean('passed').notNull(),
    submittedAt: at('submitted_at').notNull().defaultNow(),
  },
  (t) => [index('quiz_submissions_course_user_idx').on(t.courseId, t.userId)],
);

/** A person's completion of a course: by passing its quiz (or finishing its lessons) or as an LMS reported it. */
export const courseCompletions = pgTable(
  'course_completions',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['course', 'lms'] }).notNull(),
    score: integer('score'),
    completedAt: at('completed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index('course_completions_org_idx').on(t.organizationId),
  ],
);

export const certificationTypes = pgTable(
  'certification_types',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    validityMonths: integer('validity_months'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('certification_types_code_unique').on(t.code)],
);

export const learningPaths = pgTable('learning_paths', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  segment: jsonb('segment').$type<SegmentSpec>(),
  certificationTypeId: uuid('certification_type_id').references(() => certificationTypes.id, {
    onDelete: 'set null',
  }),
  /** Optimistic concurrency: each edit names the version it read (409 when stale). */
  version: integer('version').notNull().default(1),
  createdByUserId: byUser('created_by_user_id'),
  createdAt: created(),
});

export const learningPathCourses = pgTable(
  'learning_path_courses',
  {
    pathId: uuid('path_id')
      .notNull()
      .references(() => learningPaths.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pathId, t.courseId] }),
    index('learning_path_courses_course_idx').on(t.courseId),
  ],
);

// --- Certifications ---

export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => certificationTypes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on'),
    source: text('source', { enum: ['path', 'vendor', 'lms', 'import'] }).notNull(),
    externalId: text('external_id'),
    /** The Open Badges 3.0 credential as issued: a VC-JWT signed with the issuer key (badge_issuer_keys). */
    credentialJwt: text('credential_jwt').notNull(),
    /**
     * The certification's bit in the issuer's revocation status list (W3C Bitstring Status List),
     * named in the badge's credentialStatus. Drawn from the identity sequence before signing; never reused.
     */
    statusListIndex: integer('status_list_index').generatedByDefaultAsIdentity().notNull(),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
    reminderSentAt: at('reminder_sent_at'),
    recordedByUserId: byUser('recorded_by_user_id'),
    createdAt: created(),
  },
  (t) => [
    index('certifications_org_idx').on(t.organizationId, t.typeId),
    index('certifications_user_idx').on(t.userId),
    index('certifications_expiry_idx').on(t.expiresOn),
    uniqueIndex('certifications_status_list_index_uq').on(t.statusListIndex),
  ],
);

/** The badge issuer's Ed25519 key, generated once; the private half sealed with the server's secrets key. */
export const badgeIssuerKeys = pgTable('badge_issuer_keys', {
  id: text('id').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: created(),
});
