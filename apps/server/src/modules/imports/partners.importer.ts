import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  partnerStatuses,
  partnerTypeCode,
  type PartnerStatus,
} from '@partnergraph/shared/contracts/organizations';
import { profileFields, type ProfileFields } from '@partnergraph/shared/contracts/marketplace';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { partnerProfiles } from '../marketplace/marketplace.tables';
import { addToVocabulary } from '../marketplace/search.service';
import { domainOf } from '../organizations/organizations.service';
import { organizationPartnerTypes, organizations, partnerTypes } from '../organizations/organizations.tables';
import {
  cellMessage,
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
import { findByExternalId, updateByIds } from '../../db/bulk';
import { findUsersByEmail } from '../identity/identity.repository';
import { partnerTypeVocabulary, withVocabulary } from './vocabulary';

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

type StoredProfile = typeof partnerProfiles.$inferSelect;

type Ready = Cells & {
  externalId: string;
  id: string;
  exists: boolean;
  types?: string[];
  channelManagerId?: string | null;
  /** The profile draft the row's cells make (merged into the stored one), when it names any. */
  profile?: { draft: ProfileFields; stored: StoredProfile | undefined };
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
  writes: ['organizations', 'organization_partner_types', 'partner_profiles', 'marketplace_words'],
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
        'Type codes (or names) separated by ; (see Settings → Partner types); the first is primary unless primaryType says otherwise',
      example: 'reseller; msp',
      aliases: ['type', 'partner type'],
      cell: withVocabulary(list(typeItem, 8), partnerTypeVocabulary(true)),
    },
    {
      key: 'primaryType',
      label: 'Primary type',
      description: 'One of the types',
      example: 'reseller',
      cell: withVocabulary(z.string().pipe(partnerTypeCode), partnerTypeVocabulary(false)),
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
      description: 'ISO 3166-1 alpha-2 code; a name (Germany) or alpha-3 code (DEU) is mapped to it',
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
    // Profile cells merge into the stored draft; the result must be a valid profile (checked here, so the dry run says so).
    const withProfile = (r: Cells) =>
      r.profileStatus !== undefined || Object.keys(profileKeys).some((k) => r[k] !== undefined);
    const storedIds = rows.flatMap((r) => {
      const found = existing.get(String(r.externalId));
      return found && withProfile(r) ? [found.id] : [];
    });
    const storedProfiles = new Map(
      storedIds.length
        ? (
            await q.select().from(partnerProfiles).where(inArray(partnerProfiles.organizationId, storedIds))
          ).map((p) => [p.organizationId, p])
        : [],
    );
    const ready = rows.map((r, index) => {
      let ok = true;
      let profile: Ready['profile'];
      if (withProfile(r)) {
        const stored = storedProfiles.get(existing.get(String(r.externalId))?.id ?? '');
        const given = Object.entries(profileKeys).filter(([k]) => r[k] !== undefined);
        const draft = profileFields.safeParse(
          {
            ...(stored?.draft ?? {}),
            ...Object.fromEntries(given.map(([k, field]) => [field, r[k]])),
          },
          { error: cellMessage },
        );
        if (draft.success) profile = { draft: draft.data, stored };
        else {
          for (const issue of draft.error.issues) {
            const field = Object.entries(profileKeys).find(([, f]) => f === issue.path[0])?.[0];
            errors.push({ index, field: field ?? null, message: issue.message });
          }
          ok = false;
        }
      }
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
            ...(profile ? { profile } : {}),
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
    // A blank cell leaves what is stored: a partial file updates only what it names (one statement for the batch).
    await updateByIds(
      q,
      organizations,
      ['name', 'status', 'website', 'domain', 'country', 'description', 'channelManagerId', 'createdAt'],
      rows
        .filter((r) => r.exists)
        .map((r) => ({
          id: r.id,
          name: r.name as string | undefined,
          status: r.status as PartnerStatus | undefined,
          website: r.website as string | undefined,
          domain: r.website === undefined ? undefined : domainOf(r.website as string),
          country: r.country as string | undefined,
          description: r.description as string | undefined,
          channelManagerId: r.channelManagerId ?? undefined,
          createdAt: r.createdAt as Date | undefined,
        })),
    );
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
      rows.filter((r) => r.profile),
    );
    return { created, updated: rows.length - created };
  },
};

/** Each row's profile draft (merged in `resolve`) is stored; published ones reach search. */
async function writeProfiles(q: Queryable, rows: Ready[]) {
  if (!rows.length) return;
  const values = rows.map((r) => {
    const { draft, stored: row } = r.profile!;
    const publish =
      r.profileStatus === 'published' || (r.profileStatus === undefined && row?.status === 'published');
    return {
      organizationId: r.id,
      name: r.name as string,
      status: publish ? ('published' as const) : (row?.status ?? ('draft' as const)),
      draft,
      published: publish ? draft : (row?.published ?? null),
      publishedAt: publish ? (row?.publishedAt ?? new Date()) : (row?.publishedAt ?? null),
    };
  });
  await q
    .insert(partnerProfiles)
    .values(values.map(({ name: _name, ...v }) => v))
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
  const published = values.filter((v) => v.status === 'published' && v.published);
  await refreshSearchColumnsOf(
    q,
    published.map((v) => ({
      id: v.organizationId,
      name: v.name,
      published: profileFields.parse(v.published),
    })),
  );
}

/**
 * The search columns of a batch's published profiles in one statement: what
 * `refreshSearchColumns` (marketplace) writes for one profile — the same
 * text, vector, facets, badges and boost, from the snapshot, the name and the
 * organization's types and enrollments — without six queries per partner.
 * imports.test.ts checks the two write the same columns.
 */
async function refreshSearchColumnsOf(
  q: Queryable,
  items: { id: string; name: string; published: ProfileFields }[],
) {
  if (!items.length) return;
  const rows = items.map(({ id, name, published: p }) => {
    const skills = [...p.services, ...p.specializations, ...p.integrations].join(' ');
    const stories = p.caseStudies.map((c) => `${c.title} ${c.customer ?? ''} ${c.summary}`).join(' ');
    return {
      id,
      name,
      description: p.description,
      skills,
      stories,
      text: [name, p.description, skills, stories].join(' '),
      countries: p.countries,
      industries: p.industries,
      services: p.services,
      show_badges: p.showBadges,
    };
  });
  const list = (column: string) =>
    sql.raw(
      `array(select v from jsonb_array_elements_text(x.${column}) with ordinality as e(v, n) order by n)`,
    );
  await q.execute(sql`
    update partner_profiles pp set
      search_name = x.name,
      search_text = lower(x.text),
      search_vector = setweight(to_tsvector('english', x.name), 'A')
        || setweight(to_tsvector('english', x.skills), 'B')
        || setweight(to_tsvector('english', x.description), 'C')
        || setweight(to_tsvector('english', x.stories), 'D'),
      types = array(
        select ot.type_code from organization_partner_types ot join partner_types pt on pt.code = ot.type_code
        where ot.organization_id = pp.organization_id order by ot.is_primary desc, pt.sort_order),
      countries = ${list('countries')},
      industries = ${list('industries')},
      services = ${list('services')},
      badges = case when x.show_badges then array(
        select l.label from (
          select b->>'text' as label, row_number() over (order by p.name, t.rank) as n
          from enrollments e
          join program_tiers t on t.id = e.tier_id
          join programs p on p.id = e.program_id
          cross join lateral jsonb_array_elements(t.benefits) b
          where e.organization_id = pp.organization_id and e.status = 'active'
            and b->>'kind' = 'badge' and coalesce(b->>'text', '') <> ''
        ) l group by l.label order by min(l.n)) else '{}'::text[] end,
      boost = coalesce((
        select max((b->>'value')::numeric)
        from enrollments e
        join program_tiers t on t.id = e.tier_id
        cross join lateral jsonb_array_elements(t.benefits) b
        where e.organization_id = pp.organization_id and e.status = 'active'
          and b->>'kind' = 'marketplace_boost' and b ? 'value'), 1)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      id uuid, name text, description text, skills text, stories text, text text,
      countries jsonb, industries jsonb, services jsonb, show_badges boolean)
    where pp.organization_id = x.id`);
  await addToVocabulary(q, rows.map((r) => r.text).join(' '));
}
