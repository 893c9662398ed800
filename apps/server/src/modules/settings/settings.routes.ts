import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import { currencies } from '@partnergraph/shared/contracts/money';
import {
  createFxRateBody,
  currencyReference,
  fxRateListQuery,
  fxRateSchema,
  referenceItem,
  settingsSchema,
  updateSettingsBody,
} from '@partnergraph/shared/contracts/settings';
import { industries } from '../../lib/industries';
import type { Deps } from '../../lib/deps';
import { createFxRate, deleteFxRate, getSettings, listFxRates, updateSettings } from './settings.service';

export default async function settingsRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];

  r.get(
    '/settings',
    {
      config: { access: 'settings:read' },
      schema: { tags, summary: 'Read the ecosystem settings', response: { 200: settingsSchema } },
    },
    async () => getSettings(db),
  );
  r.patch(
    '/settings',
    {
      config: { access: 'settings:manage' },
      schema: {
        tags,
        summary: 'Change the reporting currency or the default deal protection',
        description:
          'A new reporting currency is refused (422) while deals in some currency have no rate into it.',
        body: updateSettingsBody,
        response: { 200: settingsSchema },
      },
    },
    async (req) => updateSettings(db, req.ctx, req.body),
  );

  r.get(
    '/fx-rates',
    {
      config: { access: 'settings:read' },
      schema: {
        tags,
        summary: 'List exchange rates, newest effective date first',
        querystring: fxRateListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(fxRateSchema) },
      },
    },
    async (req) => listFxRates(db, req.query, req.query),
  );
  r.post(
    '/fx-rates',
    {
      config: { access: 'fx-rates:manage' },
      schema: {
        tags,
        summary: 'Add an exchange rate into the reporting currency',
        description: 'In force from its effective date until the next rate for the same currency.',
        body: createFxRateBody,
        response: { 201: fxRateSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createFxRate(db, req.ctx, req.body)),
  );
  r.delete(
    '/fx-rates/:id',
    {
      config: { access: 'fx-rates:manage' },
      schema: {
        tags,
        summary: 'Delete an exchange rate',
        description: 'Refused (409) when deals would be left with no rate in force.',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteFxRate(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // Reference lists for forms and integrators, from the maintained packages.
  r.get(
    '/reference/industries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'NAICS sectors: the industry codes deals and profiles use',
        response: { 200: z.object({ items: z.array(referenceItem) }) },
      },
    },
    async () => ({ items: industries }),
  );
  r.get(
    '/reference/currencies',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'ISO 4217 currencies with their minor-unit digits',
        response: { 200: z.object({ items: z.array(currencyReference) }) },
      },
    },
    async () => ({ items: currencies }),
  );
}
