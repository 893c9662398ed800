// The CRM half of the HubSpot emulator: v3 objects (list/get/create/update/archive, search, batch),
// properties, pipelines and v4 labelled associations, as HubSpot's documented APIs answer them.
import {
  defaultStages,
  matches,
  objectTypeOf,
  sortObjects,
  typeIds,
  type FilterGroup,
  type ObjectType,
  type Portal,
  type PropertyDef,
  type Sort,
} from './hubspot-data';

const SEARCH_CAP = 10_000;
export const correlationId = () => crypto.randomUUID();
export const error = (message: string, category: string, extra: Record<string, unknown> = {}) => ({
  status: 'error',
  message,
  correlationId: correlationId(),
  category,
  ...extra,
});

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(status));
  }
}

export function crmApi(portal: Portal) {
  const objectOr404 = (name: string) => {
    const t = objectTypeOf(name);
    if (!t) throw new HttpError(400, error(`Unable to infer object type from: ${name}`, 'VALIDATION_ERROR'));
    return t;
  };
  const notFound = (t: ObjectType, id: string) =>
    new HttpError(
      404,
      error(`Object not found.  objectId are usually numeric.`, 'OBJECT_NOT_FOUND', {
        context: { id: [id], type: [t] },
      }),
    );
  /** `properties=a,b` and `properties=a&properties=b` both work, as on HubSpot (the SDK sends the latter). */
  const csv = (v: string[]) => (v.length ? v.flatMap((x) => x.split(',')).filter(Boolean) : null);

  function pagedList<T>(items: T[], limit: number, after: string | null, max: number) {
    const start = after ? Number(after) : 0;
    const size = Math.min(Math.max(1, limit || 10), max);
    const page = items.slice(start, start + size);
    const next = start + size < items.length ? String(start + size) : null;
    return { results: page, ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}) };
  }

  function pipelines() {
    const at = new Date(0).toISOString();
    return [
      {
        id: 'default',
        label: 'Sales Pipeline',
        displayOrder: 0,
        archived: false,
        createdAt: at,
        updatedAt: at,
        stages: defaultStages.map(([id, label, probability], i) => ({
          id,
          label,
          displayOrder: i,
          archived: false,
          createdAt: at,
          updatedAt: at,
          metadata: { probability, isClosed: String(id.startsWith('closed')) },
        })),
      },
    ];
  }

  const propertyView = (t: ObjectType, p: PropertyDef) => ({
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: '',
    groupName: `${t.replace(/s$/, '')}information`,
    options: (p.options ?? []).map((o, i) => ({ ...o, displayOrder: i, hidden: false })),
    hubspotDefined: p.hubspotDefined ?? false,
    calculated: false,
    hasUniqueValue: p.name === 'hs_object_id',
    showCurrencySymbol: p.showCurrencySymbol ?? false,
    ...(p.referencedObjectType ? { referencedObjectType: p.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: !!p.hubspotDefined,
      readOnlyValue: !!p.readOnly,
    },
  });

  /** The association between a deal and a company, from either side, as the v4 API lists it. */
  function associationsOf(from: ObjectType, id: string, to: ObjectType) {
    const out: {
      toObjectId: number;
      associationTypes: { category: string; typeId: number; label: string | null }[];
    }[] = [];
    const defs = portal.labels();
    for (const [key, types] of portal.dealCompany) {
      const [dealId, companyId] = key.split(':') as [string, string];
      const other =
        from === 'deals' && to === 'companies' && dealId === id
          ? companyId
          : from === 'companies' && to === 'deals' && companyId === id
            ? dealId
            : null;
      if (!other) continue;
      const inverse = from === 'companies';
      out.push({
        toObjectId: Number(other),
        associationTypes: [...types].map((typeId) => {
          const d = defs.find((x) => x.typeId === typeId)!;
          return { category: d.category, typeId: inverse ? typeId + 1 : typeId, label: d.label };
        }),
      });
    }
    return out.sort((a, b) => a.toObjectId - b.toObjectId);
  }

  function dealCompanyKey(from: ObjectType, fromId: string, to: ObjectType, toId: string) {
    if (from === 'deals' && to === 'companies') return { key: `${fromId}:${toId}`, inverse: false };
    if (from === 'companies' && to === 'deals') return { key: `${toId}:${fromId}`, inverse: true };
    throw new HttpError(
      400,
      error(`Associations between ${from} and ${to} are not supported by this portal.`, 'VALIDATION_ERROR'),
    );
  }

  function objects(
    method: string,
    t: ObjectType,
    rest: string[],
    q: URLSearchParams,
    body: unknown,
  ): [number, unknown?] {
    const b = (body ?? {}) as Record<string, unknown>;
    const store = portal.objects[t];
    if (rest.length === 0 && method === 'GET') {
      const archived = q.get('archived') === 'true';
      const all = [...store.values()]
        .filter((o) => o.archived === archived)
        .sort((x, y) => Number(x.id) - Number(y.id));
      const page = pagedList(all, Number(q.get('limit') ?? 10), q.get('after'), 100);
      return [
        200,
        { ...page, results: page.results.map((o) => portal.view(t, o, csv(q.getAll('properties')))) },
      ];
    }
    if (rest.length === 0 && method === 'POST') {
      const props = (b.properties ?? {}) as Record<string, unknown>;
      portal.validate(t, props);
      // Associations made with the record, in the same request (deal → company here).
      const links = (b.associations ?? []) as {
        to: { id: string };
        types: { associationCategory: string; associationTypeId: number }[];
      }[];
      for (const a of links) {
        if (t !== 'deals' || !portal.live('companies', String(a.to.id)))
          return [
            400,
            error(
              `Could not create associations: ${String(a.to.id)} is not a valid company id`,
              'VALIDATION_ERROR',
            ),
          ];
        for (const ty of a.types)
          if (
            !portal
              .labels()
              .some((l) => l.typeId === ty.associationTypeId && l.category === ty.associationCategory)
          )
            return [
              400,
              error(`Association type ${ty.associationTypeId} does not exist`, 'VALIDATION_ERROR'),
            ];
      }
      const created = portal.create(t, props);
      for (const a of links)
        portal.associateDealCompany(
          created.id,
          String(a.to.id),
          a.types.map((ty) => ty.associationTypeId),
        );
      return [201, portal.view(t, created, Object.keys(props))];
    }
    if (rest[0] === 'search' && method === 'POST') {
      const limit = Math.min(Number(b.limit ?? 10), 200);
      const after = Number(b.after ?? 0);
      if (after + limit > SEARCH_CAP)
        return [
          400,
          error(
            `Search results are limited to ${SEARCH_CAP} total results; narrow the query instead of paging past it.`,
            'VALIDATION_ERROR',
          ),
        ];
      const found = [...store.values()].filter(
        (o) => !o.archived && matches(portal, t, o, (b.filterGroups ?? []) as FilterGroup[]),
      );
      const sorted = sortObjects(portal, t, found, (b.sorts ?? []) as Sort[]);
      const page = sorted.slice(after, after + limit);
      const next = after + limit < sorted.length ? String(after + limit) : null;
      return [
        200,
        {
          total: sorted.length,
          results: page.map((o) => portal.view(t, o, (b.properties as string[]) ?? null)),
          ...(next ? { paging: { next: { after: next } } } : {}),
        },
      ];
    }
    if (rest[0] === 'batch' && method === 'POST') {
      const inputs = (b.inputs ?? []) as Record<string, unknown>[];
      if (inputs.length > 100) return [400, error('Batch size cannot exceed 100', 'VALIDATION_ERROR')];
      const startedAt = new Date().toISOString();
      const done = (status: number, results: unknown[], errors: unknown[] = []) =>
        [
          status,
          {
            status: 'COMPLETE',
            results,
            startedAt,
            completedAt: new Date().toISOString(),
            ...(errors.length ? { numErrors: errors.length, errors } : {}),
          },
        ] as [number, unknown];
      if (rest[1] === 'read') {
        const props = (b.properties as string[]) ?? null;
        const ids = inputs.map((i) => String(i.id));
        const found = ids
          .map((id) => store.get(id))
          .filter((o) => o && o.archived === (q.get('archived') === 'true'));
        const missing = ids.filter((id) => !found.some((o) => o!.id === id));
        const errs = missing.length
          ? [
              {
                status: 'error',
                category: 'OBJECT_NOT_FOUND',
                message: 'Could not get some ' + t + ' objects, they may be deleted or not exist.',
                context: { ids: missing },
              },
            ]
          : [];
        return done(
          errs.length ? 207 : 200,
          found.map((o) => portal.view(t, o!, props)),
          errs,
        );
      }
      if (rest[1] === 'create') {
        for (const i of inputs) portal.validate(t, (i.properties ?? {}) as Record<string, unknown>);
        return done(
          201,
          inputs.map((i) =>
            portal.view(
              t,
              portal.create(t, (i.properties ?? {}) as Record<string, unknown>),
              Object.keys(i.properties ?? {}),
            ),
          ),
        );
      }
      if (rest[1] === 'update') {
        for (const i of inputs) portal.validate(t, (i.properties ?? {}) as Record<string, unknown>);
        const missing = inputs.filter((i) => !portal.live(t, String(i.id))).map((i) => String(i.id));
        if (missing.length)
          return [
            404,
            error(`Could not find some objects: ${missing.join(', ')}`, 'OBJECT_NOT_FOUND', {
              context: { ids: missing },
            }),
          ];
        return done(
          200,
          inputs.map((i) =>
            portal.view(
              t,
              portal.update(t, String(i.id), (i.properties ?? {}) as Record<string, unknown>)!,
              Object.keys(i.properties ?? {}),
            ),
          ),
        );
      }
      if (rest[1] === 'archive') {
        for (const i of inputs) portal.archive(t, String(i.id));
        return [204];
      }
    }
    const id = rest[0];
    if (id && rest.length === 1) {
      if (method === 'GET') {
        const o = store.get(id);
        if (!o || o.archived !== (q.get('archived') === 'true')) throw notFound(t, id);
        return [200, portal.view(t, o, csv(q.getAll('properties')))];
      }
      if (method === 'PATCH') {
        if (!portal.live(t, id)) throw notFound(t, id);
        const props = (b.properties ?? {}) as Record<string, unknown>;
        portal.validate(t, props);
        return [200, portal.view(t, portal.update(t, id, props)!, Object.keys(props))];
      }
      if (method === 'DELETE') {
        portal.archive(t, id);
        return [204];
      }
    }
    return [404, error('Unknown objects path', 'OBJECT_NOT_FOUND')];
  }

  function associations(
    method: string,
    rest: string[],
    q: URLSearchParams,
    body: unknown,
  ): [number, unknown?] {
    // /crm/v4/associations/{from}/{to}/labels and …/batch/labels/archive
    if (rest[0] === 'associations' && rest[1] && rest[2]) {
      const from = objectOr404(rest[1]);
      const to = objectOr404(rest[2]);
      const inverse = dealCompanyKey(from, '0', to, '0').inverse;
      const shown = () =>
        portal
          .labels()
          .map((l) => ({ category: l.category, typeId: inverse ? l.typeId + 1 : l.typeId, label: l.label }));
      if (rest[3] === 'labels' && method === 'GET') return [200, { results: shown() }];
      if (rest[3] === 'batch' && rest[4] === 'read' && method === 'POST') {
        const inputs = ((body as { inputs?: { id: string }[] }).inputs ?? []).map((i) => String(i.id));
        if (inputs.length > 1000) return [400, error('Batch size cannot exceed 1000', 'VALIDATION_ERROR')];
        const results = inputs
          .filter((id) => portal.live(from, id))
          .map((id) => ({ from: { id }, to: associationsOf(from, id, to) }));
        return [
          200,
          {
            status: 'COMPLETE',
            results,
            startedAt: new Date().toISOString(),
            completedAt: new Date().toISOString(),
          },
        ];
      }
      if (rest[3] === 'labels' && method === 'POST') {
        const b = body as { label?: string; name?: string };
        if (!b.label || !b.name || !/^[a-z0-9_]+$/.test(b.name))
          return [400, error('label and a lowercase name are required', 'VALIDATION_ERROR')];
        const def = portal.createLabel(b.label, b.name);
        if (!def) return [409, error(`An association label named ${b.name} already exists`, 'CONFLICT')];
        return [
          200,
          {
            results: [
              { category: def.category, typeId: inverse ? def.typeId + 1 : def.typeId, label: def.label },
            ],
          },
        ];
      }
      if (rest[3] === 'batch' && rest[4] === 'labels' && rest[5] === 'archive' && method === 'POST') {
        const inputs = ((body as { inputs?: unknown[] }).inputs ?? []) as {
          from: { id: string };
          to: { id: string };
          types: { associationTypeId: number }[];
        }[];
        for (const i of inputs) {
          const { key } = dealCompanyKey(from, String(i.from.id), to, String(i.to.id));
          const set = portal.dealCompany.get(key);
          for (const ty of i.types) set?.delete(inverse ? ty.associationTypeId - 1 : ty.associationTypeId);
          if (set && set.size === 0) set.add(341);
        }
        return [204];
      }
    }
    // /crm/v4/objects/{from}/{id}/associations/{to}[/{toId}]
    if (rest[0] === 'objects' && rest[1] && rest[2] && rest[3] === 'associations' && rest[4]) {
      const from = objectOr404(rest[1]);
      const to = objectOr404(rest[4]);
      const id = rest[2];
      if (!portal.live(from, id)) throw notFound(from, id);
      if (!rest[5] && method === 'GET') {
        const page = pagedList(
          associationsOf(from, id, to),
          Number(q.get('limit') ?? 500),
          q.get('after'),
          500,
        );
        return [200, page];
      }
      const toId = rest[5];
      if (toId && !portal.live(to, toId)) throw notFound(to, toId);
      if (toId && method === 'PUT') {
        const { key, inverse } = dealCompanyKey(from, id, to, toId);
        const specs = (body ?? []) as { associationCategory: string; associationTypeId: number }[];
        const set = portal.dealCompany.get(key) ?? new Set([341]);
        // A deal has one primary company: HubSpot moves the Primary type to the newest one.
        if (
          !inverse &&
          specs.some((s) => s.associationTypeId === 5 && s.associationCategory === 'HUBSPOT_DEFINED')
        )
          portal.clearPrimaryCompany(id);
        for (const s of specs) {
          const typeId = inverse ? s.associationTypeId - 1 : s.associationTypeId;
          const def = portal
            .labels()
            .find((l) => l.typeId === typeId && l.category === s.associationCategory);
          if (!def)
            return [
              400,
              error(
                `Association type ${s.associationTypeId} (${s.associationCategory}) does not exist between ${from} and ${to}`,
                'VALIDATION_ERROR',
              ),
            ];
          set.add(typeId);
        }
        portal.dealCompany.set(key, set);
        const labels = [...set]
          .map((x) => portal.labels().find((l) => l.typeId === x)!.label)
          .filter((l): l is string => !!l);
        return [
          201,
          {
            fromObjectTypeId: typeIds[from],
            fromObjectId: Number(id),
            toObjectTypeId: typeIds[to],
            toObjectId: Number(toId),
            labels,
          },
        ];
      }
      if (toId && method === 'DELETE') {
        portal.dealCompany.delete(dealCompanyKey(from, id, to, toId).key);
        return [204];
      }
    }
    return [404, error('Unknown associations path', 'OBJECT_NOT_FOUND')];
  }

  return { objects, associations, pipelines, propertyView, objectOr404 };
}
