import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  scimGetQuery,
  scimListQuery,
  scimPatchBody,
  scimResourceBody,
  scimResourceSchema,
} from '@partnergraph/shared/contracts/scim';
import type { Deps } from '../../lib/deps';
import { AppError, unauthorized } from '../../lib/errors';
import { pgErrorCode } from '../../plugins/errors';
import type { ScimRequest } from './scim-request';
import {
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from './scim-groups.service';
import { ERROR_SCHEMA, resourceTypes, schemaResources, serviceProviderConfig } from './scim-schemas';
import { scimBaseUrl } from './scim-tokens.service';
import {
  createScimUser,
  deleteScimUserResource,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from './scim-users.service';

const SCIM_JSON = 'application/scim+json; charset=utf-8';

type ScimOut = z.infer<typeof scimResourceSchema>;
/** Every resource and message the services build carries its `schemas`. */
const out = async (built: Promise<Record<string, unknown>>) => (await built) as ScimOut;

/** RFC 7644 §3.12: the error body identity providers read (status as a string, scimType when one applies). */
function sendScimError(reply: FastifyReply, status: number, detail: string, scimType?: unknown) {
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return reply
    .code(status)
    .type(SCIM_JSON)
    .send({
      schemas: [ERROR_SCHEMA],
      status: String(status),
      ...(typeof scimType === 'string' ? { scimType } : {}),
      detail,
    });
}

function scimErrorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    // RFC 7644 §3.12 names 429 for too many requests; IdPs back off by Retry-After.
    if (error.extra.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(error.extra.retryAfterSeconds));
    const fields = error.extra.errors?.map((e) => e.path).join(', ');
    const scimType = error.extra.scimType ?? (error.status === 400 ? 'invalidValue' : undefined);
    return sendScimError(
      reply,
      error.status,
      fields ? `${error.detail}: ${fields}` : (error.detail ?? error.title),
      scimType,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const paths = error.validation.flatMap((v) => {
      const base = [where, ...v.instancePath.split('/').filter(Boolean)];
      // Name each unknown attribute itself, not the object that holds it.
      const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
      return keys?.length ? keys.map((k) => [...base, k].join('.')) : [base.join('.')];
    });
    return sendScimError(
      reply,
      400,
      `Invalid ${where}: ${[...new Set(paths)].join(', ')}`,
      where === 'body' ? 'invalidSyntax' : 'invalidValue',
    );
  }
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return sendScimError(reply, 413, 'The request body is larger than 1 MiB');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return sendScimError(reply, 415, 'Send the body as application/scim+json or application/json');
  if ((error as FastifyError).statusCode === 400)
    return sendScimError(reply, 400, `The request body is not valid JSON: ${error.message}`, 'invalidSyntax');
  const pg = pgErrorCode(error);
  if (pg === '23505') return sendScimError(reply, 409, 'That already exists', 'uniqueness');
  if (pg === '40001' || pg === '40P01') return sendScimError(reply, 409, 'A concurrent change won; retry');
  if (pg === '22P02' || pg === '22007' || pg === '22008')
    return sendScimError(reply, 400, 'A value in the request is malformed', 'invalidValue');
  request.log.error({ err: error }, 'unhandled error');
  return sendScimError(reply, 500, 'Something went wrong on our side; it has been logged');
}

/**
 * The SCIM 2.0 service provider (RFC 7643/7644), mounted at /scim/v2 behind the access gate with
 * `access: 'scim'`: an organization's SCIM token, which provisions that organization's people only.
 */
export default async function scimRoutes(app: FastifyInstance, { db, config }: Deps) {
  app.setErrorHandler(scimErrorHandler);
  app.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json'))
      reply.header('content-type', SCIM_JSON);
    return payload;
  });

  const baseUrl = scimBaseUrl(config);
  const scim = (req: FastifyRequest): ScimRequest => {
    if (!req.scimClient) throw unauthorized();
    return { client: req.scimClient, requestId: req.id, ip: req.ip ?? null, baseUrl };
  };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = 'scim' as const;
  const tags = ['scim protocol'];
  const resource = { 200: scimResourceSchema };

  r.get(
    '/ServiceProviderConfig',
    { config: { access }, schema: { tags, summary: 'What this SCIM service supports', response: resource } },
    async () => serviceProviderConfig(baseUrl, `${config.PUBLIC_URL.replace(/\/+$/, '')}/docs`),
  );
  r.get(
    '/ResourceTypes',
    { config: { access }, schema: { tags, summary: 'User and Group', response: resource } },
    async () => {
      const items = resourceTypes(baseUrl);
      return {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: items.length,
        startIndex: 1,
        itemsPerPage: items.length,
        Resources: items,
      };
    },
  );
  r.get(
    '/Schemas',
    {
      config: { access },
      schema: { tags, summary: 'The User, EnterpriseUser and Group schemas', response: resource },
    },
    async () => {
      const items = schemaResources(baseUrl);
      return {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: items.length,
        startIndex: 1,
        itemsPerPage: items.length,
        Resources: items,
      };
    },
  );

  for (const [path, ops] of [
    [
      'Users',
      {
        list: listScimUsers,
        get: getScimUser,
        create: createScimUser,
        replace: replaceScimUser,
        patch: patchScimUser,
        remove: deleteScimUserResource,
      },
    ],
    [
      'Groups',
      {
        list: listScimGroups,
        get: getScimGroup,
        create: createScimGroup,
        replace: replaceScimGroup,
        patch: patchScimGroup,
        remove: deleteScimGroup,
      },
    ],
  ] as const) {
    const one = path === 'Users' ? 'user' : 'group';
    r.get(
      `/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `List ${path.toLowerCase()}, with filter (eq, ne, co, sw, ew, gt, ge, lt, le, pr, and, or, not) and startIndex/count paging`,
          querystring: scimListQuery,
          response: resource,
        },
      },
      async (req) => out(ops.list(db, scim(req), req.query)),
    );
    r.get(
      `/${path}/:id`,
      {
        config: { access },
        schema: {
          tags,
          summary: `One ${one}`,
          params: idParams,
          querystring: scimGetQuery,
          response: resource,
        },
      },
      async (req) => out(ops.get(db, scim(req), req.params.id, req.query)),
    );
    r.post(
      `/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Create a ${one}`,
          body: scimResourceBody,
          response: { 201: scimResourceSchema },
        },
      },
      async (req, reply) => {
        const created = await out(ops.create(db, scim(req), req.body));
        return reply
          .code(201)
          .header('location', String((created.meta as { location: string }).location))
          .send(created);
      },
    );
    r.put(
      `/${path}/:id`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Replace a ${one}`,
          params: idParams,
          body: scimResourceBody,
          response: resource,
        },
      },
      async (req) => out(ops.replace(db, scim(req), req.params.id, req.body)),
    );
    r.patch(
      `/${path}/:id`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Change a ${one} with PATCH operations (add, replace, remove), as Okta and Microsoft Entra ID send them`,
          params: idParams,
          body: scimPatchBody,
          response: resource,
        },
      },
      async (req) => out(ops.patch(db, scim(req), req.params.id, req.body.Operations)),
    );
    r.delete(
      `/${path}/:id`,
      {
        config: { access },
        schema: {
          tags,
          summary: path === 'Users' ? 'Deactivate a user and stop provisioning them' : 'Delete a group',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await ops.remove(db, scim(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  }
}
