import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf } from '@partnergraph/shared/contracts/common';
import {
  badgeVerificationSchema,
  certificationListQuery,
  certificationSchema,
  certificationTypeSchema,
  createCertificationTypeBody,
  issuerSchema,
  recordCertificationBody,
  revokeCertificationBody,
  verifyBadgeBody,
} from '@partnergraph/shared/contracts/enablement';
import type { Deps } from '../../lib/deps';
import { findIssuerJwk, issuerUrl, verificationMethodId } from './badges';
import {
  createCertificationType,
  getCertification,
  listCertifications,
  listCertificationTypes,
  recordCertification,
  revokeCertification,
} from './certifications.service';
import { statusListCredential, verifyBadgeById, verifyPresentedBadge } from './records.service';
import { setReminderDeps } from './reminders.service';
import { siteOf } from '../mail/layout';

export default async function certificationRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enablement'];
  setReminderDeps({ mailer: deps.mailer, site: siteOf(deps.config), log: app.log });

  r.get(
    '/certification-types',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'The certifications a person can hold',
        response: { 200: z.object({ items: z.array(certificationTypeSchema) }) },
      },
    },
    async () => ({ items: await listCertificationTypes(db) }),
  );
  r.post(
    '/certification-types',
    {
      config: { access: 'certifications:manage' },
      schema: {
        tags,
        summary: 'Create a certification type (vendor)',
        body: createCertificationTypeBody,
        response: { 201: certificationTypeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCertificationType(db, req.ctx, req.body)),
  );
  r.get(
    '/certifications',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Certifications, newest first',
        description: "A partner sees its own people's; vendor staff everyone's.",
        querystring: certificationListQuery,
        response: { 200: pageOf(certificationSchema) },
      },
    },
    async (req) => listCertifications(deps, req.ctx, req.query),
  );
  r.post(
    '/certifications',
    {
      config: { access: 'certifications:manage' },
      schema: {
        tags,
        summary: "Record a person's certification (vendor); its badge is signed at once",
        body: recordCertificationBody,
        response: { 201: certificationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await recordCertification(deps, req.ctx, req.body)),
  );
  r.get(
    '/certifications/:id',
    {
      config: { access: 'enablement:read' },
      schema: { tags, summary: 'A certification', params: idParams, response: { 200: certificationSchema } },
    },
    async (req) => getCertification(deps, req.ctx, req.params.id),
  );
  r.post(
    '/certifications/:id/revoke',
    {
      config: { access: 'certifications:manage' },
      schema: {
        tags,
        summary: 'Revoke a certification (vendor); its badge then verifies as revoked',
        params: idParams,
        body: revokeCertificationBody,
        response: { 200: certificationSchema },
      },
    },
    async (req) => revokeCertification(deps, req.ctx, req.params.id, req.body.reason),
  );
  r.get(
    '/certifications/verify/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A badge's verification (public): its Open Badges 3.0 credential and whether it holds",
        description:
          'The signature is checked on every request: an altered credential answers `invalid`, a revoked one `revoked`.',
        params: idParams,
        response: { 200: badgeVerificationSchema },
      },
    },
    async (req) => verifyBadgeById(deps, req.params.id),
  );
  r.post(
    '/certifications/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Verify a credential as presented: the VC-JWT (public)',
        body: verifyBadgeBody,
        response: { 200: badgeVerificationSchema },
      },
    },
    async (req) => verifyPresentedBadge(deps, req.body.credential),
  );
  r.get(
    '/certifications/status-list',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The badges' revocation status list (public): a W3C Bitstring Status List credential",
        description:
          'Every badge names its bit here in `credentialStatus` (BitstringStatusListEntry, purpose `revocation`). ' +
          'The body is a VC-JWT (`application/vc+jwt`) signed with the badge key; its `encodedList` is the ' +
          'bitstring gzipped and multibase base64url-encoded. A set bit means revoked. 404 before the first badge.',
        produces: ['application/vc+jwt'],
      },
    },
    async (_req, reply) => {
      const jwt = await statusListCredential(deps);
      // Verifiers may cache briefly; a revocation shows within the minute.
      reply.header('cache-control', 'public, max-age=60');
      return reply.type('application/vc+jwt').send(jwt);
    },
  );
  r.get(
    '/certifications/issuer',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The badge issuer's public key, as a DID document's verification method (public)",
        response: { 200: issuerSchema },
      },
    },
    async () => {
      const id = issuerUrl(deps.config.PUBLIC_URL);
      const jwk = await findIssuerJwk(db);
      return {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
        id,
        verificationMethod: jwk
          ? [
              {
                id: verificationMethodId(deps.config.PUBLIC_URL),
                type: 'JsonWebKey2020',
                controller: id,
                publicKeyJwk: jwk as Record<string, unknown>,
              },
            ]
          : [],
        assertionMethod: jwk ? [verificationMethodId(deps.config.PUBLIC_URL)] : [],
      };
    },
  );
}
