import { z } from 'zod';
import { idSchema, paginationQuery, timestamp, versionField } from './common';
import { segmentOut, segmentSchema } from './community';

// Enablement: a content library by segment, courses with quizzes, learning paths,
// certifications per person (earned, recorded or received from an LMS) and their
// Open Badges 3.0 credentials.

const date = z.iso.date().describe('YYYY-MM-DD');
const title = z.string().trim().min(1).max(200);
const description = z.string().max(5000).default('');
const ref = z.object({ id: z.string(), name: z.string() });

// --- Content library ---

export const createCollectionBody = z.strictObject({
  name: title,
  description,
  segment: segmentSchema.optional().describe('Omit for every partner'),
});
export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  segment: segmentOut.nullable(),
  assetCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type Collection = z.infer<typeof collectionSchema>;

/** Lists of ids in an edit: each once. */
function noRepeats(path: string, ids: readonly string[] | undefined, ctx: z.RefinementCtx, what: string) {
  const seen = new Set<string>();
  ids?.forEach((id, i) => {
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', path: [path, i], message: `This ${what} is listed twice` });
    seen.add(id);
  });
}

export const updateCollectionBody = z
  .strictObject({
    version: versionField,
    name: title.optional(),
    description: z.string().max(5000).optional(),
    segment: segmentSchema.nullable().optional().describe('null: every partner'),
    assetIds: z
      .array(idSchema)
      .max(500)
      .optional()
      .describe(
        "The collection's assets, in order: an asset not listed leaves it, one listed joins it (leaving its former collection)",
      ),
  })
  .superRefine((b, ctx) => noRepeats('assetIds', b.assetIds, ctx, 'asset'));

export const collectionDetailSchema = collectionSchema.extend({
  assets: z
    .array(z.object({ id: z.string(), title: z.string(), kind: z.enum(['link', 'rich_text', 'file']) }))
    .describe('In the order the vendor gave them; the ones never ordered after, newest first'),
});
export type CollectionDetail = z.infer<typeof collectionDetailSchema>;

export const assetKinds = ['link', 'rich_text', 'file'] as const;

const assetFields = {
  title,
  description,
  collectionId: idSchema.optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional()
    .describe('For a link'),
  body: z.string().max(100_000).optional().describe('Markdown, for rich text'),
  segment: segmentSchema.optional().describe('Omit for every partner'),
  reviewOn: date.optional().describe('When the owner should review it'),
  expiresOn: date.optional().describe('From this day partners no longer see it'),
};

export const createAssetBody = z.strictObject({
  kind: z.enum(assetKinds).describe('A file asset gets its file by POST /content/assets/{id}/file'),
  ...assetFields,
  ownerUserId: idSchema.optional().describe('Vendor staff member who keeps it current; you by default'),
});
export const updateAssetBody = z.strictObject({
  version: versionField,
  title: title.optional(),
  description: z.string().max(5000).optional(),
  url: assetFields.url,
  body: assetFields.body,
  segment: segmentSchema.nullable().optional(),
  reviewOn: date.nullable().optional(),
  expiresOn: date.nullable().optional(),
  note: z.string().trim().max(500).optional().describe('What changed in this version'),
});

export const retireAssetBody = z.strictObject({ version: versionField });

export const assetListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional().describe('Words in the title, description or text'),
  collectionId: idSchema.optional(),
  kind: z.enum(assetKinds).optional(),
  fresh: z.enum(['true', 'false']).optional().describe('New for you: published in the last 30 days'),
});

export const fileInfoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});

export const assetSchema = z.object({
  id: z.string(),
  kind: z.enum(assetKinds),
  title: z.string(),
  description: z.string(),
  collection: ref.nullable(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  html: z.string().nullable(),
  file: fileInfoSchema.nullable(),
  segment: segmentOut.nullable(),
  owner: ref.nullable(),
  reviewOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  currentVersion: z.number().int(),
  version: z.number().int(),
  publishedAt: timestamp,
  updatedAt: timestamp,
  retiredAt: timestamp.nullable().describe('Retired: partners no longer see it; its versions are kept'),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetVersionSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  file: fileInfoSchema.nullable(),
  note: z.string(),
  createdBy: ref.nullable(),
  createdAt: timestamp,
});

export const fileNameQuery = z.object({ fileName: z.string().trim().min(1).max(255) });

export const usageQuery = z.object({
  assetId: idSchema.optional(),
  partnerId: idSchema.optional(),
});
export const usageRowSchema = z.object({
  asset: ref,
  organization: ref,
  person: ref,
  views: z.number().int(),
  downloads: z.number().int(),
  lastAt: timestamp,
});

// --- Learning ---

const questionInput = z.strictObject({
  prompt: z.string().trim().min(1).max(1000),
  options: z.array(z.string().trim().min(1).max(500)).min(2).max(10),
  correctOption: z.number().int().min(0).describe('Index of the right option'),
});
const lessonInput = z.strictObject({
  title,
  body: z.string().max(100_000).default('').describe('Markdown'),
  assetId: idSchema.optional().describe('A library asset this lesson presents'),
});

export const createCourseBody = z
  .strictObject({
    title,
    description,
    segment: segmentSchema.optional().describe('Omit for every partner'),
    lessons: z.array(lessonInput).min(1).max(100),
    questions: z.array(questionInput).max(100).default([]),
    passingScore: z.number().int().min(1).max(100).default(80).describe('Percent of right answers'),
    publish: z.boolean().default(true),
  })
  .superRefine((c, ctx) => {
    c.questions.forEach((q, i) => {
      if (q.correctOption >= q.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'correctOption'],
          message: `Option ${q.correctOption} does not exist: this question has ${q.options.length}`,
        });
    });
  });

/** An edit names the whole quiz: its questions in order. */
function checkAnswers(questions: z.output<typeof questionInput>[] | undefined, ctx: z.RefinementCtx) {
  questions?.forEach((q, i) => {
    if (q.correctOption >= q.options.length)
      ctx.addIssue({
        code: 'custom',
        path: ['questions', i, 'correctOption'],
        message: `Option ${q.correctOption} does not exist: this question has ${q.options.length}`,
      });
  });
}

export const updateCourseBody = z
  .strictObject({
    version: versionField,
    title: title.optional(),
    description: z.string().max(5000).optional(),
    segment: segmentSchema.nullable().optional().describe('null: every partner'),
    lessons: z
      .array(
        lessonInput.extend({
          id: idSchema
            .optional()
            .describe("A lesson of this course kept (with people's progress); omit for a new one"),
        }),
      )
      .min(1)
      .max(100)
      .optional()
      .describe('Every lesson, in order: a lesson not listed is removed'),
    questions: z
      .array(questionInput)
      .max(100)
      .optional()
      .describe('The whole quiz, in order: a change is a new quiz; passes of the earlier one stand'),
    passingScore: z.number().int().min(1).max(100).optional().describe('A change is a new quiz'),
  })
  .superRefine((b, ctx) => {
    checkAnswers(b.questions, ctx);
    noRepeats(
      'lessons',
      b.lessons?.flatMap((l) => (l.id ? [l.id] : [])),
      ctx,
      'lesson',
    );
  });

export const lessonSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  body: z.string(),
  html: z.string(),
  asset: ref.nullable(),
  completed: z.boolean(),
});
export const questionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  prompt: z.string(),
  options: z.array(z.string()),
  /** Vendor staff only: partners are not told the answers. */
  correctOption: z.number().int().nullable(),
});
export const courseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  segment: segmentOut.nullable(),
  status: z.enum(['draft', 'published']),
  passingScore: z.number().int(),
  lessonCount: z.number().int(),
  questionCount: z.number().int(),
  /** Your own progress. */
  lessonsCompleted: z.number().int(),
  completedAt: timestamp.nullable(),
  quizVersion: z.number().int().describe('The quiz in force: each edit of the quiz starts a new one'),
  version: z.number().int(),
  createdAt: timestamp,
});
export const courseSchema = courseSummarySchema.extend({
  lessons: z.array(lessonSchema),
  questions: z.array(questionSchema),
  bestScore: z.number().int().nullable(),
});
export type Course = z.infer<typeof courseSchema>;
export type CourseSummary = z.infer<typeof courseSummarySchema>;

export const courseListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
});
export const lessonParams = z.object({ id: idSchema, lessonId: idSchema });

export const submitQuizBody = z.strictObject({
  answers: z
    .array(z.strictObject({ questionId: idSchema, option: z.number().int().min(0).max(100) }))
    .min(1)
    .max(100),
});
export const quizResultSchema = z.object({
  score: z.number().int().describe('Percent of right answers'),
  passed: z.boolean(),
  passingScore: z.number().int(),
  correct: z.number().int(),
  total: z.number().int(),
  /** Certifications this completion earned (a learning path finished). */
  certificationsEarned: z.array(z.object({ id: z.string(), type: ref })),
});

export const progressRowSchema = z.object({
  person: ref,
  organization: ref,
  lessonsCompleted: z.number().int(),
  lessonCount: z.number().int(),
  bestScore: z.number().int().nullable(),
  completedAt: timestamp.nullable(),
  source: z.enum(['course', 'lms']).nullable(),
});

export const createPathBody = z.strictObject({
  title,
  description,
  segment: segmentSchema.optional(),
  courseIds: z.array(idSchema).min(1).max(50),
  certificationTypeId: idSchema.optional().describe('Awarded to whoever completes every course'),
});
export const updatePathBody = z
  .strictObject({
    version: versionField,
    title: title.optional(),
    description: z.string().max(5000).optional(),
    segment: segmentSchema.nullable().optional().describe('null: every partner'),
    courseIds: z.array(idSchema).min(1).max(50).optional().describe('Every course, in order'),
    certificationTypeId: idSchema
      .nullable()
      .optional()
      .describe('null: awards none; certifications already earned stand'),
  })
  .superRefine((b, ctx) => noRepeats('courseIds', b.courseIds, ctx, 'course'));
export const pathSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  segment: segmentOut.nullable(),
  courses: z.array(ref.extend({ completed: z.boolean() })),
  certificationType: ref.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});

// --- Certifications ---

export const createCertificationTypeBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Lower-case letters, digits, - and _'),
  name: title,
  description,
  validityMonths: z.number().int().min(1).max(120).optional().describe('Omit for no expiry'),
});
export const certificationTypeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  validityMonths: z.number().int().nullable(),
  holders: z.number().int().describe('People holding a valid one'),
  createdAt: timestamp,
});

export const certificationSources = ['path', 'vendor', 'lms', 'import'] as const;

export const recordCertificationBody = z
  .strictObject({
    userId: idSchema,
    typeId: idSchema,
    issuedOn: date,
    expiresOn: date.optional().describe("Defaults to the type's validity"),
    externalId: z.string().trim().max(200).optional(),
  })
  .refine((b) => !b.expiresOn || b.expiresOn > b.issuedOn, {
    path: ['expiresOn'],
    message: 'A certification cannot expire on or before its issue date',
  });
export const revokeCertificationBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});

export const certificationStatus = ['valid', 'expired', 'revoked'] as const;
export const certificationSchema = z.object({
  id: z.string(),
  type: ref.extend({ code: z.string() }),
  person: ref,
  organization: ref,
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  source: z.enum(certificationSources),
  status: z.enum(certificationStatus),
  revokedReason: z.string().nullable(),
  badgeUrl: z.string().describe('Public verification page of its Open Badges credential'),
  createdAt: timestamp,
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationListQuery = paginationQuery.extend({
  userId: idSchema.optional(),
  partnerId: idSchema.optional(),
  typeId: idSchema.optional(),
  status: z.enum(certificationStatus).optional(),
});

/** The shape of an xAPI statement an LMS sends when someone completes or passes a course. */
export const learningRecordBody = z.strictObject({
  actor: z.strictObject({
    objectType: z.literal('Agent').optional(),
    mbox: z
      .string()
      .regex(/^mailto:.+@.+$/, 'mailto: and the learner’s e-mail address')
      .describe('mailto:learner@example.com'),
    name: z.string().max(200).optional(),
  }),
  verb: z.strictObject({
    id: z.enum(['http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed']),
    display: z.record(z.string(), z.string().max(200)).optional(),
  }),
  object: z.strictObject({
    objectType: z.literal('Activity').optional(),
    id: z.string().min(1).max(500).describe('The course: its id, or a URL ending in /courses/{id}'),
    definition: z.record(z.string(), z.unknown()).optional(),
  }),
  result: z
    .strictObject({
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
      duration: z.string().max(50).optional(),
      score: z
        .strictObject({
          scaled: z.number().min(0).max(1).optional(),
          raw: z.number().optional(),
          min: z.number().optional(),
          max: z.number().optional(),
        })
        .optional(),
    })
    .optional(),
  timestamp: timestamp.optional(),
});
export const learningRecordSchema = z.object({
  id: z.string(),
  person: ref,
  course: ref,
  completedAt: timestamp,
  certificationsEarned: z.array(z.object({ id: z.string(), type: ref })),
});

// --- Open Badges ---

export const badgeStatus = ['valid', 'expired', 'revoked', 'invalid'] as const;
export const badgeVerificationSchema = z.object({
  status: z.enum(badgeStatus),
  reason: z.string(),
  credential: z.record(z.string(), z.unknown()).nullable(),
  jwt: z.string().nullable(),
  recipientName: z.string().nullable(),
  achievement: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export const verifyBadgeBody = z.strictObject({
  credential: z.string().min(1).max(20_000).describe('The VC-JWT as received'),
});
export const issuerSchema = z.object({
  '@context': z.array(z.string()),
  id: z.string(),
  verificationMethod: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      controller: z.string(),
      publicKeyJwk: z.record(z.string(), z.unknown()),
    }),
  ),
  assertionMethod: z.array(z.string()),
});
