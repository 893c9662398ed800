import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  acceptAgreementBody,
  acceptanceSchema,
  agreementSchema,
  applicationListQuery,
  applicationReceipt,
  applicationSchema,
  approveApplicationBody,
  attestBody,
  checklistParams,
  createAgreementBody,
  createApplicationBody,
  createEnrollmentBody,
  createProgramBody,
  enrollmentListQuery,
  enrollmentSchema,
  enrollmentStatusAction,
  evaluationSchema,
  programListQuery,
  programSchema,
  publicProgramSchema,
  publishAgreementVersionBody,
  rejectApplicationBody,
  replaceTiersBody,
  tierHistorySchema,
  tierSchema,
  updateProgramBody,
} from '@partnergraph/shared/contracts/programs';
import { versionBody } from '@partnergraph/shared/contracts/identity';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import {
  acceptAgreement,
  createAgreement,
  getAgreement,
  listAcceptances,
  listAgreements,
  publishAgreementVersion,
} from './agreements.service';
import {
  approveApplication,
  getApplication,
  listApplications,
  rejectApplication,
  submitApplication,
} from './applications.service';
import {
  attest,
  changeEnrollmentStatus,
  completeChecklistItem,
  createEnrollment,
  evaluateEnrollment,
  getEnrollment,
  listEnrollments,
  listTierHistory,
  type EnrollmentVerb,
} from './enrollments.service';
import {
  changeProgramStatus,
  createProgram,
  getProgram,
  listPrograms,
  listPublicPrograms,
  replaceTiers,
  updateProgram,
} from './programs.service';

export default async function programRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];
  const site = siteOf(config);

  // --- Programs and tiers ---
  r.get(
    '/programs',
    {
      config: { access: 'programs:read' },
      schema: {
        tags,
        summary: 'List programs',
        description: 'Partners see published programs and those they are enrolled in.',
        querystring: programListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(programSchema) },
      },
    },
    async (req) => listPrograms(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/programs',
    {
      config: { access: 'programs:manage' },
      schema: {
        tags,
        summary: 'Create a program (draft) with its tiers',
        body: createProgramBody,
        response: { 201: programSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProgram(db, req.ctx, req.body)),
  );
  r.get(
    '/programs/:id',
    {
      config: { access: 'programs:read' },
      schema: { tags, summary: 'Get a program', params: idParams, response: { 200: programSchema } },
    },
    async (req) => getProgram(db, req.ctx, req.params.id),
  );
  r.patch(
    '/programs/:id',
    {
      config: { access: 'programs:manage' },
      schema: {
        tags,
        summary: "Change a program's settings",
        params: idParams,
        body: updateProgramBody,
        response: { 200: programSchema },
      },
    },
    async (req) => updateProgram(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/programs/:id/tiers',
    {
      config: { access: 'programs:read' },
      schema: {
        tags,
        summary: "The program's current tiers, entry tier first",
        params: idParams,
        response: { 200: z.object({ items: z.array(tierSchema) }) },
      },
    },
    async (req) => ({ items: (await getProgram(db, req.ctx, req.params.id)).tiers }),
  );
  r.put(
    '/programs/:id/tiers',
    {
      config: { access: 'programs:manage' },
      schema: {
        tags,
        summary: "Replace the program's tiers",
        description:
          "A draft's tiers change in place; a published program gets a new tiers version, and existing enrollments stay valid until re-evaluated.",
        params: idParams,
        body: replaceTiersBody,
        response: { 200: programSchema },
      },
    },
    async (req) => replaceTiers(db, req.ctx, req.params.id, req.body),
  );
  for (const verb of ['publish', 'retire'] as const) {
    r.post(
      `/programs/:id/${verb}`,
      {
        config: { access: 'programs:manage' },
        schema: {
          tags,
          summary: verb === 'publish' ? 'Publish a draft program' : 'Retire a program (enrollments stay)',
          params: idParams,
          body: versionBody,
          response: { 200: programSchema },
        },
      },
      async (req) => changeProgramStatus(db, req.ctx, req.params.id, verb, req.body.version),
    );
  }
  r.get(
    '/public/programs',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Programs open for applications (no sign-in)',
        response: { 200: z.object({ items: z.array(publicProgramSchema) }) },
      },
    },
    async () => listPublicPrograms(db),
  );

  // --- Enrollments ---
  const etags = ['enrollments'];
  r.get(
    '/enrollments',
    {
      config: { access: 'enrollments:read' },
      schema: {
        tags: etags,
        summary: 'List enrollments',
        querystring: enrollmentListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(enrollmentSchema) },
      },
    },
    async (req) => listEnrollments(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/enrollments',
    {
      config: { access: 'enrollments:manage' },
      schema: {
        tags: etags,
        summary: 'Enroll a partner in a program at its entry tier',
        body: createEnrollmentBody,
        response: { 201: enrollmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createEnrollment(db, req.ctx, req.body)),
  );
  r.get(
    '/enrollments/:id',
    {
      config: { access: 'enrollments:read' },
      schema: {
        tags: etags,
        summary: 'Get an enrollment with its tier, pending agreements and checklist',
        params: idParams,
        response: { 200: enrollmentSchema },
      },
    },
    async (req) => getEnrollment(db, req.ctx, req.params.id),
  );
  r.post(
    '/enrollments/:id/evaluate',
    {
      config: { access: 'enrollments:evaluate' },
      schema: {
        tags: etags,
        summary: 'Run the tier engine now',
        description:
          'Explains every requirement (value, threshold, met) and the tier qualified for; promotions apply at once, demotions after the grace period.',
        params: idParams,
        response: { 200: evaluationSchema },
      },
    },
    async (req) => evaluateEnrollment(db, req.ctx, req.params.id),
  );
  for (const verb of ['suspend', 'reactivate', 'terminate'] as const satisfies EnrollmentVerb[]) {
    r.post(
      `/enrollments/:id/${verb}`,
      {
        config: { access: 'enrollments:manage' },
        schema: {
          tags: etags,
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} an enrollment`,
          params: idParams,
          body: enrollmentStatusAction,
          response: { 200: enrollmentSchema },
        },
      },
      async (req) => changeEnrollmentStatus(db, req.ctx, req.params.id, verb, req.body),
    );
  }
  r.get(
    '/enrollments/:id/history',
    {
      config: { access: 'enrollments:read' },
      schema: {
        tags: etags,
        summary: 'Tier history, newest first, with reasons',
        params: idParams,
        response: { 200: z.object({ items: z.array(tierHistorySchema) }) },
      },
    },
    async (req) => listTierHistory(db, req.ctx, req.params.id),
  );
  r.post(
    '/enrollments/:id/checklist/:key/complete',
    {
      config: { access: 'checklist:complete' },
      schema: {
        tags: etags,
        summary: 'Tick a custom onboarding task',
        params: checklistParams,
        response: { 200: enrollmentSchema },
      },
    },
    async (req) => completeChecklistItem(db, req.ctx, req.params.id, req.params.key),
  );
  r.post(
    '/enrollments/:id/attestations',
    {
      config: { access: 'enrollments:manage' },
      schema: {
        tags: etags,
        summary: 'Record or withdraw a vendor attestation read by manual-attestation rules',
        params: idParams,
        body: attestBody,
        response: { 200: enrollmentSchema },
      },
    },
    async (req) => attest(db, req.ctx, req.params.id, req.body),
  );

  // --- Agreements ---
  const atags = ['agreements'];
  r.get(
    '/agreements',
    {
      config: { access: 'agreements:read' },
      schema: {
        tags: atags,
        summary: 'Agreement templates with their current version',
        response: { 200: z.object({ items: z.array(agreementSchema) }) },
      },
    },
    async (req) => listAgreements(db, req.ctx),
  );
  r.post(
    '/agreements',
    {
      config: { access: 'agreements:manage' },
      schema: {
        tags: atags,
        summary: 'Create an agreement template and publish its first version',
        body: createAgreementBody,
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAgreement(db, req.ctx, req.body)),
  );
  r.get(
    '/agreements/:id',
    {
      config: { access: 'agreements:read' },
      schema: {
        tags: atags,
        summary: 'An agreement with its current text and version list',
        params: idParams,
        response: { 200: agreementSchema },
      },
    },
    async (req) => getAgreement(db, req.ctx, req.params.id),
  );
  r.post(
    '/agreements/:id/versions',
    {
      config: { access: 'agreements:manage' },
      schema: {
        tags: atags,
        summary: 'Publish a new, immutable version',
        description:
          'Every active enrollment whose program requires this agreement is flagged "action required" until re-accepted, and suspended after the program deadline.',
        params: idParams,
        body: publishAgreementVersionBody,
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await publishAgreementVersion(db, req.ctx, req.params.id, req.body.body)),
  );
  r.post(
    '/agreements/:id/accept',
    {
      config: { access: 'agreements:accept' },
      schema: {
        tags: atags,
        summary: 'Accept the current version for your organization',
        description:
          'Records user, organization, version, content hash, time, IP and user agent. A superseded version answers 409 naming the current one.',
        params: idParams,
        body: acceptAgreementBody,
        response: { 200: agreementSchema },
      },
    },
    async (req) => acceptAgreement(db, req.ctx, req.params.id, req.body.versionId),
  );
  r.get(
    '/agreements/:id/acceptances',
    {
      config: { access: 'agreements:read' },
      schema: {
        tags: atags,
        summary: "Acceptances (a partner sees its own organization's)",
        params: idParams,
        response: { 200: z.object({ items: z.array(acceptanceSchema) }) },
      },
    },
    async (req) => listAcceptances(db, req.ctx, req.params.id),
  );

  // --- Applications ---
  const ptags = ['applications'];
  r.post(
    '/applications',
    {
      config: { access: 'public' },
      schema: {
        tags: ptags,
        summary: 'Apply to one or more programs (no sign-in)',
        description: 'Limited to 5 applications per client address per hour (429).',
        body: createApplicationBody,
        response: { 201: applicationReceipt },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await submitApplication(db, { requestId: req.id, ip: req.ip ?? null }, mailer, site, req.body)),
  );
  r.get(
    '/applications',
    {
      config: { access: 'applications:read' },
      schema: {
        tags: ptags,
        summary: 'The review queue, newest first, with detected duplicates',
        querystring: applicationListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(applicationSchema) },
      },
    },
    async (req) => listApplications(db, req.ctx, req.query, req.query),
  );
  r.get(
    '/applications/:id',
    {
      config: { access: 'applications:read' },
      schema: {
        tags: ptags,
        summary: 'Get an application',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (req) => getApplication(db, req.ctx, req.params.id),
  );
  r.post(
    '/applications/:id/approve',
    {
      config: { access: 'applications:review' },
      schema: {
        tags: ptags,
        summary: 'Approve: create or link the organization, invite the contact, enroll at the entry tier',
        params: idParams,
        body: approveApplicationBody,
        response: { 200: applicationSchema },
      },
    },
    async (req) => approveApplication(db, req.ctx, mailer, site, req.params.id, req.body),
  );
  r.post(
    '/applications/:id/reject',
    {
      config: { access: 'applications:review' },
      schema: {
        tags: ptags,
        summary: 'Reject with a reason (emailed to the applicant)',
        params: idParams,
        body: rejectApplicationBody,
        response: { 200: applicationSchema },
      },
    },
    async (req) => rejectApplication(db, req.ctx, mailer, site, req.params.id, req.body),
  );
}
