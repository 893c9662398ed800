import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema } from '@partnergraph/shared/contracts/common';
import { referralSchema } from '@partnergraph/shared/contracts/deals';
import {
  accountSchema,
  answerLevelRequestBody,
  createLevelRequestBody,
  createPartnershipBody,
  createPopulationBody,
  introBody,
  overlapInvolvementBody,
  overlapInvolvementParams,
  overlapInvolvementSchema,
  levelParams,
  levelRequestSchema,
  mappingMetricsSchema,
  matrixSchema,
  overlapSchema,
  partnershipSchema,
  populationSchema,
  replaceAccountsBody,
  round1Body,
  round1Schema,
  round2Body,
  round2Schema,
  round3Body,
  runSchema,
  setLevelBody,
  startRunBody,
  updatePopulationBody,
} from '@partnergraph/shared/contracts/mapping';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import { mappingMetrics } from './mapping.metrics';
import {
  askForIntro,
  getMatrix,
  listOverlaps,
  overlapsCsv,
  proposeInvolvementFromOverlap,
} from './overlaps.service';
import {
  answerRequest,
  getPartnership,
  listLevelRequests,
  listPartnerships,
  optIn,
  requestMore,
  setLevel,
} from './partnerships.service';
import {
  createPopulation,
  listAccounts,
  listPopulations,
  refreshFromDeals,
  updatePopulationSettings,
  uploadAccounts,
} from './populations.service';
import { postAnswer, readAnswer, readRequest, readReverse } from './peer-runs.service';
import { answerRound1, finishRun, getRun, listRuns, startRun } from './runs.service';

/** Large enough for a run of MAX_SET_POINTS points (base64url) or an upload of 100,000 accounts. */
const BIG_BODY = 16 * 1024 * 1024;

/** Account mapping (docs/ACCOUNT-MAPPING.md): populations, partnerships and levels, runs, overlaps. */
export default async function mappingRoutes(app: FastifyInstance, { db, mailer, config, secrets }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mapping'];
  const read = { access: 'mapping:read' as const };
  const manage = { access: 'mapping:manage' as const };
  const mail = { mailer, site: siteOf(config) };

  // --- Populations ---
  r.get(
    '/mapping/populations',
    {
      config: read,
      schema: {
        tags,
        summary: "My organization's populations",
        response: { 200: z.object({ items: z.array(populationSchema) }) },
      },
    },
    async (req) => listPopulations(db, req.ctx),
  );
  r.post(
    '/mapping/populations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Define a population',
        description:
          "The vendor's come from won deals (customers), open deals (open opportunities) or an upload; a partner's ('browser') keep their accounts in the partner's browser, only the name, level and size reach the server.",
        body: createPopulationBody,
        response: { 201: populationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPopulation(db, req.ctx, req.body)),
  );
  r.patch(
    '/mapping/populations/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "A population's name, default level and shared fields",
        params: idParams,
        body: updatePopulationBody,
        response: { 200: populationSchema },
      },
    },
    async (req) => updatePopulationSettings(db, req.ctx, req.params.id, req.body),
  );
  r.put(
    '/mapping/populations/:id/accounts',
    {
      config: { access: 'mapping:accounts' },
      bodyLimit: BIG_BODY,
      schema: {
        tags,
        summary: "Replace an uploaded population's accounts (the vendor's)",
        description: 'Each account needs at least one public domain; they are kept as registrable domains.',
        params: idParams,
        body: replaceAccountsBody,
        response: { 200: populationSchema },
      },
    },
    async (req) => uploadAccounts(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/mapping/populations/:id/refresh',
    {
      config: { access: 'mapping:accounts' },
      schema: {
        tags,
        summary: 'Rebuild a population from the deals it is defined by',
        params: idParams,
        response: { 200: populationSchema },
      },
    },
    async (req) => refreshFromDeals(db, req.ctx, req.params.id),
  );
  r.get(
    '/mapping/populations/:id/accounts',
    {
      config: read,
      schema: {
        tags,
        summary: "A population's accounts kept on the server (the vendor's own; the first 1,000)",
        params: idParams,
        response: { 200: z.object({ items: z.array(accountSchema), total: z.number().int() }) },
      },
    },
    async (req) => listAccounts(db, req.ctx, req.params.id),
  );

  // --- Partnerships, levels, requests ---
  r.get(
    '/mapping/partnerships',
    {
      config: read,
      schema: {
        tags,
        summary: 'My mapping partnerships with both sides’ levels',
        response: { 200: z.object({ items: z.array(partnershipSchema) }) },
      },
    },
    async (req) => listPartnerships(db, req.ctx),
  );
  r.post(
    '/mapping/partnerships',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Opt in to mapping with the vendor, or with another partner',
        description:
          'With the vendor: active at once. With a partner: pending until it opts in too (the same call, naming you).',
        body: createPartnershipBody,
        response: { 200: partnershipSchema },
      },
    },
    async (req) => optIn(db, req.ctx, req.body),
  );
  r.get(
    '/mapping/partnerships/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A mapping partnership',
        params: idParams,
        response: { 200: partnershipSchema },
      },
    },
    async (req) => getPartnership(db, req.ctx, req.params.id),
  );
  r.put(
    '/mapping/partnerships/:id/levels/:populationId',
    {
      config: manage,
      schema: {
        tags,
        summary: "Override one of my populations' level for this counterpart",
        params: levelParams,
        body: setLevelBody,
        response: { 200: partnershipSchema },
      },
    },
    async (req) => setLevel(db, req.ctx, req.params.id, req.params.populationId, req.body),
  );
  r.get(
    '/mapping/partnerships/:id/requests',
    {
      config: read,
      schema: {
        tags,
        summary: 'Requests for more, both ways',
        params: idParams,
        response: { 200: z.object({ items: z.array(levelRequestSchema) }) },
      },
    },
    async (req) => listLevelRequests(db, req.ctx, req.params.id),
  );
  r.post(
    '/mapping/partnerships/:id/requests',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Ask the counterpart to share one of its populations at a higher level',
        params: idParams,
        body: createLevelRequestBody,
        response: { 201: levelRequestSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await requestMore(db, req.ctx, req.params.id, req.body)),
  );
  r.post(
    '/mapping/requests/:id/answer',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Grant or decline a request for more',
        params: idParams,
        body: answerLevelRequestBody,
        response: { 200: levelRequestSchema },
      },
    },
    async (req) => answerRequest(db, req.ctx, req.params.id, req.body),
  );

  // --- Runs ---
  r.get(
    '/mapping/partnerships/:id/runs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every run of a partnership (both sides see each)',
        params: idParams,
        response: { 200: z.object({ items: z.array(runSchema) }) },
      },
    },
    async (req) => listRuns(db, req.ctx, req.params.id),
  );
  r.post(
    '/mapping/runs',
    {
      config: { access: 'mapping:run' },
      schema: {
        tags,
        summary: 'Start a mapping run (round 0)',
        description: 'Limited per partnership per day (probing). The browser then sends round 1.',
        body: startRunBody,
        response: { 201: runSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await startRun(db, req.ctx, req.body)),
  );
  r.get(
    '/mapping/runs/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A mapping run and its counts',
        params: idParams,
        response: { 200: runSchema },
      },
    },
    async (req) => getRun(db, req.ctx, req.params.id),
  );
  r.post(
    '/mapping/runs/:id/points',
    {
      config: { access: 'mapping:run' },
      bodyLimit: BIG_BODY,
      schema: {
        tags,
        summary: 'Round 1: the blinded points; answers round 2',
        description:
          'Refused before any work over the size limit (413); each point must be a valid ristretto255 encoding (400 naming the field); a message of another run (400) or out of turn (409) is refused.',
        params: idParams,
        body: round1Body,
        response: { 200: round2Schema },
      },
    },
    async (req) => answerRound1(db, req.ctx, secrets, req.params.id, req.body),
  );
  r.post(
    '/mapping/runs/:id/results',
    {
      config: { access: 'mapping:run' },
      bodyLimit: BIG_BODY,
      schema: {
        tags,
        summary: 'Round 3: the counts, and the matches only where my level discloses them',
        params: idParams,
        body: round3Body,
        response: { 200: runSchema },
      },
    },
    async (req) => finishRun(db, req.ctx, req.params.id, req.body),
  );

  // --- Partner ↔ partner: the server as the mailbox between two browsers ---
  r.get(
    '/mapping/runs/:id/request',
    {
      config: { access: 'mapping:run' },
      schema: {
        tags,
        summary: "Round 1 of another partner's run, for my browser to answer",
        params: idParams,
        response: { 200: round1Schema },
      },
    },
    async (req) => readRequest(db, req.ctx, req.params.id),
  );
  r.post(
    '/mapping/runs/:id/answer',
    {
      config: { access: 'mapping:run' },
      bodyLimit: BIG_BODY,
      schema: {
        tags,
        summary: "Round 2 of another partner's run, computed in my browser",
        params: idParams,
        body: round2Body,
        response: { 200: runSchema },
      },
    },
    async (req) => postAnswer(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/mapping/runs/:id/answer',
    {
      config: { access: 'mapping:run' },
      schema: {
        tags,
        summary: 'The other partner’s answer (round 2) to my run',
        params: idParams,
        response: { 200: round2Schema },
      },
    },
    async (req) => readAnswer(db, req.ctx, req.params.id),
  );
  r.get(
    '/mapping/runs/:id/reverse',
    {
      config: { access: 'mapping:run' },
      schema: {
        tags,
        summary: "The initiator's answer to my own sets, for my browser to intersect",
        description:
          'Partner ↔ partner, once the run is finished: my overlaps with the fields the initiator shares at its level (409 before then).',
        params: idParams,
        response: { 200: round2Schema },
      },
    },
    async (req) => readReverse(db, req.ctx, req.params.id),
  );

  // --- Overlaps ---
  r.get(
    '/mapping/metrics',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Overlap counts by population pair per counterpart, and open opportunities with a partner overlap',
        description: 'Defined in docs/METRICS.md (Account mapping).',
        response: { 200: mappingMetricsSchema },
      },
    },
    async (req) => mappingMetrics(db, req.ctx),
  );
  r.get(
    '/mapping/partnerships/:id/matrix',
    {
      config: read,
      schema: {
        tags,
        summary: 'Population × population overlap counts of the latest run',
        params: idParams,
        response: { 200: matrixSchema },
      },
    },
    async (req) => getMatrix(db, req.ctx, req.params.id),
  );
  r.get(
    '/mapping/partnerships/:id/overlaps',
    {
      config: read,
      schema: {
        tags,
        summary: 'Overlapping accounts with the fields each side shares',
        params: idParams,
        querystring: z.object({
          initiatorPopulationId: idSchema.optional(),
          responderPopulationId: idSchema.optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(overlapSchema) }) },
      },
    },
    async (req) => listOverlaps(db, req.ctx, req.params.id, req.query),
  );
  r.get(
    '/mapping/partnerships/:id/overlaps.csv',
    {
      config: read,
      schema: { tags, summary: 'What was shared, as CSV', params: idParams, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const csv = await overlapsCsv(db, req.ctx, req.params.id);
      reply.header(
        'content-disposition',
        `attachment; filename="overlaps-${new Date().toISOString().slice(0, 10)}.csv"`,
      );
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );
  r.post(
    '/mapping/partnerships/:id/intros',
    {
      config: { access: 'mapping:intro' },
      schema: {
        tags,
        summary: 'Ask for an intro to an overlapping account',
        description:
          'Sends a referral of that company to the counterpart (the vendor, or the other partner).',
        params: idParams,
        body: introBody,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await askForIntro(db, req.ctx, mail, req.params.id, req.body)),
  );
  r.post(
    '/mapping/partnerships/:id/overlaps/:overlapId/involvement',
    {
      config: { access: 'mapping:involve' },
      schema: {
        tags,
        summary: "Ask for an intro as an involvement on the vendor's open deal at an overlapping account",
        description:
          "The vendor invites the partner onto its open deal there (the partner sees the deal and accepts or declines it); a partner asks to join the vendor's open deal at an account the vendor's level disclosed to it as an open opportunity (the vendor confirms or removes it; the partner sees nothing of the deal until then). 404 when there is no such deal.",
        params: overlapInvolvementParams,
        body: overlapInvolvementBody,
        response: { 201: overlapInvolvementSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await proposeInvolvementFromOverlap(db, req.ctx, req.params.id, req.params.overlapId, req.body),
        ),
  );
}
