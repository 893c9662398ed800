import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  createSsoConnectionBody,
  createSsoDomainBody,
  ssoConnectionListQuery,
  ssoConnectionSchema,
  ssoDomainCheckSchema,
  ssoDomainSchema,
  ssoPolicySchema,
  ssoTestResult,
  ssoVersionBody,
  updateSsoConnectionBody,
  updateSsoPolicyBody,
  verifySsoDomainBody,
} from '@partnergraph/shared/contracts/sso';
import type { Deps } from '../../lib/deps';
import {
  approveConnection,
  createConnection,
  disableConnection,
  getConnection,
  listConnections,
  updateConnectionSettings,
} from './connections.service';
import { claimDomain, listDomains, releaseDomain, verifyDomain } from './domains.service';
import { getPolicy, updatePolicy } from './policy.service';
import ssoAuthRoutes from './sso-auth.routes';
import { testConnection } from './test-connection.service';

/** SSO connections, domains and the "SSO required" policy; and (registered from here) the sign-in endpoints. */
export default async function ssoRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config, secrets } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sso'];
  const access = 'sso:manage' as const;
  await app.register(ssoAuthRoutes, deps);

  r.get(
    '/sso/connections',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List SSO connections',
        description: "The vendor admin lists every organization's; a partner admin its own organization's.",
        querystring: ssoConnectionListQuery,
        response: { 200: z.object({ items: z.array(ssoConnectionSchema) }) },
      },
    },
    async (req) => listConnections(db, req.ctx, config, req.query),
  );
  r.post(
    '/sso/connections',
    {
      config: { access },
      schema: {
        tags,
        summary: "Connect your organization's identity provider (OIDC or SAML)",
        description:
          "The vendor admin's connection (for staff) serves sign-ins at once; a partner admin's waits for the vendor admin's approval. The OIDC client secret is sealed at rest and never shown again. SAML settings can come from the IdP's metadata. Roles in the mapping must be of your organization's kind.",
        body: createSsoConnectionBody,
        response: { 201: ssoConnectionSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createConnection(db, req.ctx, config, secrets, req.body)),
  );
  r.get(
    '/sso/connections/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Get an SSO connection',
        params: idParams,
        response: { 200: ssoConnectionSchema },
      },
    },
    async (req) => getConnection(db, req.ctx, config, req.params.id),
  );
  r.patch(
    '/sso/connections/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change an SSO connection',
        description:
          "A partner admin's change sends an approved connection back to the vendor admin for approval. Fields left out stay; the client secret only changes when sent.",
        params: idParams,
        body: updateSsoConnectionBody,
        response: { 200: ssoConnectionSchema },
      },
    },
    async (req) => updateConnectionSettings(db, req.ctx, config, secrets, req.params.id, req.body),
  );
  r.post(
    '/sso/connections/:id/approve',
    {
      config: { access: 'sso:approve' },
      schema: {
        tags,
        summary: "Approve a partner's SSO connection (or re-enable a disabled one)",
        params: idParams,
        body: ssoVersionBody,
        response: { 200: ssoConnectionSchema },
      },
    },
    async (req) => approveConnection(db, req.ctx, config, req.params.id, req.body.version),
  );
  r.post(
    '/sso/connections/:id/disable',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Stop a connection serving sign-ins',
        description: 'Sessions already open stay open. Turning it back on takes the vendor admin’s approval.',
        params: idParams,
        body: ssoVersionBody,
        response: { 200: ssoConnectionSchema },
      },
    },
    async (req) => disableConnection(db, req.ctx, config, req.params.id, req.body.version),
  );
  r.post(
    '/sso/connections/:id/test',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Test a connection',
        description:
          "OIDC: reads the issuer's discovery document and checks its endpoints and PKCE support. SAML: the settings are complete and the certificates in date. Problems are reported in the answer (200, ok: false).",
        params: idParams,
        response: { 200: ssoTestResult },
      },
    },
    async (req) => testConnection(db, req.ctx, secrets, req.params.id),
  );

  r.get(
    '/sso/domains',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List claimed email domains',
        description: "The vendor admin lists every organization's; a partner admin its own.",
        response: { 200: z.object({ items: z.array(ssoDomainSchema) }) },
      },
    },
    async (req) => listDomains(db, req.ctx),
  );
  r.post(
    '/sso/domains',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Claim an email domain for your organization',
        description:
          'Answers the TXT record to publish (`partnergraph-verification=<token>` on the domain). A domain another organization claimed answers 409.',
        body: createSsoDomainBody,
        response: { 201: ssoDomainSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await claimDomain(db, req.ctx, req.body.domain)),
  );
  r.post(
    '/sso/domains/:id/verify',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Prove a domain: check its TXT record, or (vendor admin) confirm it',
        description:
          'Looks the TXT record up through DNS_SERVERS (or the system resolvers); when it is not there the domain stays pending and `check` says what was found. `byVendor: true` is the vendor admin confirming the domain without DNS.',
        params: idParams,
        body: verifySsoDomainBody,
        response: { 200: ssoDomainCheckSchema },
      },
    },
    async (req) => verifyDomain(db, req.ctx, config, req.params.id, req.body),
  );
  r.delete(
    '/sso/domains/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Release a claimed domain',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await releaseDomain(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/sso/policy',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Your organization\'s "SSO required" policy',
        response: { 200: ssoPolicySchema },
      },
    },
    async (req) => getPolicy(db, req.ctx),
  );
  r.put(
    '/sso/policy',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Require SSO for your organization (or stop requiring it)',
        description:
          "Password sign-in is then refused for the organization's members (403 pointing to SSO), except the vendor's one break-glass admin. Needs an active connection (422); the vendor also needs a break-glass admin (400).",
        body: updateSsoPolicyBody,
        response: { 200: ssoPolicySchema },
      },
    },
    async (req) => updatePolicy(db, req.ctx, req.body),
  );
}
