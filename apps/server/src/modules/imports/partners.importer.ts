import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  partnerStatuses,
  partnerTypeCode,
  type PartnerStatus,
} from '@partnergraph/shared/contracts/organizations';
import { profileFields } from '@partnergraph/shared/contracts/marketplace';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { partnerProfiles } from '../marketplace/marketplace.tables';
import { refreshSearchColumns } from '../marketplace/profiles.service';
import { marketplaceChanged } from '../marketplace/search.service';
import { domainOf } from '../organizations/organizations.service';
import { organizationPartnerTypes, organizations, partnerTypes } from '../organizations/organizations.tables';
import {
  country,
  email,
  industry,
  instant,
  list,
  oneOf,
  text,
  url,
  type Cells,
  type Importer,
  type RowError,
} from './fields';
import { findByExternalId, findUsersByEmail } from './references';

/** A type code, or an export's `{code, name, primary}`. */
const typeItem = z.union([
  partnerTypeCode,
  z
    .string()
    .transform((s, ctx) => {
      try {
        const o = JSON.parse(s) as { code?: unknown };
        if (typeof o.code === 'string') return o.code;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'A partner type code, e.g. reseller' });
      return z.NEVER;
    })
    .pipe(partnerTypeCode),
]);

type Ready = Cells & {
  externalId: string;
  id: string;
  exists: boolean;
  types?: string[];
  channelManagerId?: string | null;
};

const profileKeys = {
  profileDescription: 'description',
  profileServices: 'services',
  profileIndustries: 'industries',
  profileCountries: 'countries',
  profileContactEmail: 'contactEmail',
} as const;

export const partnersImporter: Importer<Ready> = {
  type: 'partners',
  label: 'Partners (with their types and marketplace profile)',
  key: 'externalId',
  dependsOn: [],
  fields: [
    {
      key: 'externalId',
      label: 'External id',
      required: true,
      description:
        'The partner’s id in your CRM or spreadsheet; a re-import updates the partner with this id',
      example: 'ACC-0042',
      aliases: ['external_id', 'partner id', 'account id'],
      cell: text(200),
    },
    {
      key: 'name',
      label: 'Name',
      required: true,
      description: 'Organization name',
      example: 'Northwind Traders',
      aliases: ['company', 'partner name', 'account name'],
      cell: text(200, 2),
    },
    {
      key: 'status',
      label: 'Status',
      description: `${partnerStatuses.join(', ')}; default active`,
      example: 'active',
      cell: oneOf(partnerStatuses),
    },
    {
      key: 'types',
      label: 'Partner types',
      required: true,
      description:
        'Type codes separated by ; (see Settings → Partner types); the first is primary unless primaryType says otherwise',
      example: 'reseller; msp',
      aliases: ['type', 'partner type'],
      cell: list(typeItem, 8),
    },
    {
      key: 'primaryType',
      label: 'Primary type',
      description: 'One of the types',
      example: 'reseller',
      cell: partnerTypeCode,
    },
    {
      key: 'website',
      label: 'Website',
      description: 'http(s) URL',
      example: 'https://northwind.example',
      aliases: ['url', 'web site'],
      cell: url,
    },
    {
      key: 'country',
      label: 'Country',
      description: 'ISO 3166-1 alpha-2 code',
      example: 'DE',
      cell: country,
    },
    {
      key: 'description',
      label: 'Description',
      description: 'Up to 5,000 characters',
      example: 'Microsoft 365 reseller in Bavaria',
      cell: z.string().max(5000),
    },
    {
      key: 'channelManagerEmail',
      label: 'Channel manager e-mail',
      description: 'A vendor admin or channel manager who manages the partner',
      example: 'cm@example.com',
      aliases: ['channelManager.email', 'channel manager', 'owner email'],
      cell: email,
    },
    {
      key: 'createdAt',
      label: 'Partner since',
      description: 'Date or timestamp the partnership began (kept as the record’s creation time)',
      example: '2021-04-01',
      aliases: ['created', 'created at', 'partner since'],
      cell: instant,
    },
    {
      key: 'profileStatus',
      label: 'Profile status',
      description: 'draft or published: published profiles appear in the marketplace',
      example: 'published',
      cell: oneOf(['draft', 'published'] as const),
    },
    {
      key: 'profileDescription',
      label: 'Profile description',
      description: 'What the marketplace shows',
      example: 'We migrate mid-size firms to the cloud',
      cell: z.string().max(5000),
    },
    {
      key: 'profileServices',
      label: 'Profile services',
      description: 'Separated by ;',
      example: 'migration; managed backup',
      cell: list(text(60), 30),
    },
    {
      key: 'profileIndustries',
      label: 'Profile industries',
      description: 'NAICS sector codes separated by ;',
      example: '51; 52',
      cell: list(industry, 30),
    },
    {
      key: 'profileCountries',
      label: 'Profile countries',
      description: 'Country codes served, separated by ;',
      example: 'DE; AT; CH',
      cell: list(country, 60),
    },
    {
      key: 'profileContactEmail',
      label: 'Profile contact e-mail',
      description: 'Where marketplace leads go',
      example: 'sales@northwind.example',
      cell: email,
    },
  ],
  check(row, issue) {
    const types = row.types as string[] | undefined;
    if (types && new Set(types).size !== types.length) issue('types', 'Each type at most once');
    if (row.primaryType && types && !types.includes(row.primaryType as string))
      issue('primaryType', 'The primary type must be one of the types');
  },
  keyOf: (row) => String(row.externalId),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const codes = new Set(rows.flatMap((r) => (r.types as string[] | undefined) ?? []));
    const known = codes.size
      ? new Set(
          (
            await q
              .select({ code: partnerTypes.code })
              .from(partnerTypes)
              .where(inArray(partnerTypes.code, [...codes]))
          ).map((t) => t.code),
        )
      : new Set<string>();
    const managers = await findUsersByEmail(
      q,
      rows.flatMap((r) => (r.channelManagerEmail ? [r.channelManagerEmail as string] : [])),
    );
    const existing = await findByExternalId(
      q,
      organizations,
      rows.map((r) => String(r.externalId)),
    );
    const ready = rows.map((r, index) => {
      let ok = true;
      for (const code of (r.types as string[] | undefined) ?? [])
        if (!known.has(code)) {
          errors.push({ index, field: 'types', message: `No partner type ${code}` });
          ok = false;
        }
      let channelManagerId: string | null | undefined;
      if (r.channelManagerEmail) {
        const m = managers.get(r.channelManagerEmail as string);
        if (!m || m.orgKind !== 'vendor' || !['admin', 'channel_manager'].includes(m.role)) {
          errors.push({
            index,
            field: 'channelManagerEmail',
            message: 'Not a vendor admin or channel manager here',
          });
          ok = false;
        } else channelManagerId = m.id;
      }
      const id = existing.get(String(r.externalId))?.id;
      return ok
        ? ({
            ...r,
            externalId: String(r.externalId),
            id: id ?? newId(),
            exists: !!id,
            channelManagerId,
          } as Ready)
        : null;
    });
    return { errors, ready };
  },

  async write(q, rows) {
    let created = 0;
    const fresh = rows.filter((r) => !r.exists);
    if (fresh.length) {
      await q.insert(organizations).values(
        fresh.map((r) => ({
          id: r.id,
          externalId: r.externalId,
          kind: 'partner' as const,
          name: r.name as string,
          status: (r.status as PartnerStatus | undefined) ?? 'active',
          website: (r.website as string) ?? null,
          domain: domainOf(r.website as string | undefined),
          country: (r.country as string) ?? null,
          description: (r.description as string) ?? '',
          channelManagerId: r.channelManagerId ?? null,
          ...(r.createdAt ? { createdAt: r.createdAt as Date, updatedAt: r.createdAt as Date } : {}),
        })),
      );
      created = fresh.length;
    }
    for (const r of rows.filter((x) => x.exists)) {
      // A blank cell leaves what is stored: a partial file updates only what it names.
      const set: Partial<typeof organizations.$inferInsert> = { updatedAt: new Date() };
      if (r.name !== undefined) set.name = r.name as string;
      if (r.status !== undefined) set.status = r.status as 'active';
      if (r.website !== undefined)
        Object.assign(set, { website: r.website, domain: domainOf(r.website as string) });
      if (r.country !== undefined) set.country = r.country as string;
      if (r.description !== undefined) set.description = r.description as string;
      if (r.channelManagerId !== undefined) set.channelManagerId = r.channelManagerId;
      if (r.createdAt !== undefined) set.createdAt = r.createdAt as Date;
      await q
        .update(organizations)
        .set({ ...set, version: sql`${organizations.version} + 1` })
        .where(eq(organizations.id, r.id));
    }
    // The row's types replace the stored ones: one delete and one insert for the batch.
    await q.delete(organizationPartnerTypes).where(
      inArray(
        organizationPartnerTypes.organizationId,
        rows.map((r) => r.id),
      ),
    );
    await q.insert(organizationPartnerTypes).values(
      rows.flatMap((r) => {
        const types = r.types as string[];
        const primary = (r.primaryType as string | undefined) ?? types[0];
        return types.map((typeCode) => ({ organizationId: r.id, typeCode, isPrimary: typeCode === primary }));
      }),
    );
    await writeProfiles(
      q,
      rows.filter(
        (r) => r.profileStatus !== undefined || Object.keys(profileKeys).some((k) => r[k] !== undefined),
      ),
    );
    return { created, updated: rows.length - created };
  },
};

/** Profile cells merge into each partner's draft (read for the batch in one query); published ones reach search. */
async function writeProfiles(q: Queryable, rows: Ready[]) {
  if (!rows.length) return;
  const stored = new Map(
    (
      await q
        .select()
        .from(partnerProfiles)
        .where(
          inArray(
            partnerProfiles.organizationId,
            rows.map((r) => r.id),
          ),
        )
    ).map((p) => [p.organizationId, p]),
  );
  const values = rows.map((r) => {
    const row = stored.get(r.id);
    const given = Object.entries(profileKeys).filter(([k]) => r[k] !== undefined);
    const draft = profileFields.parse({
      ...(row?.draft ?? {}),
      ...Object.fromEntries(given.map(([k, field]) => [field, r[k]])),
    });
    const publish =
      r.profileStatus === 'published' || (r.profileStatus === undefined && row?.status === 'published');
    return {
      organizationId: r.id,
      status: publish ? ('published' as const) : (row?.status ?? ('draft' as const)),
      draft,
      published: publish ? draft : (row?.published ?? null),
      publishedAt: publish ? (row?.publishedAt ?? new Date()) : (row?.publishedAt ?? null),
    };
  });
  await q
    .insert(partnerProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: partnerProfiles.organizationId,
      set: {
        status: sql`excluded.status`,
        draft: sql`excluded.draft`,
        published: sql`excluded.published`,
        publishedAt: sql`excluded.published_at`,
        version: sql`${partnerProfiles.version} + 1`,
        updatedAt: new Date(),
      },
    });
  const published = values.filter((v) => v.status === 'published');
  for (const v of published) await refreshSearchColumns(q, v.organizationId);
  if (published.length) marketplaceChanged();
}
