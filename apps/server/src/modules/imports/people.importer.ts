import { and, inArray, ne, or, sql } from 'drizzle-orm';
import { roles, orgKindOfRole, type Role } from '@partnergraph/shared/permissions';
import { enrollmentStatus } from '@partnergraph/shared/contracts/programs';
import { newId } from '../../lib/ids';
import { users } from '../identity/identity.tables';
import { findVendor } from '../organizations/organizations.repository';
import { enrollments, programs, programTiers, tierHistory } from '../programs/programs.tables';
import { email, instant, oneOf, ref, text, type Importer, type RowError } from './fields';
import { updateByIds } from '../../db/bulk';
import { findUsersByEmail } from '../identity/identity.repository';
import { findOrganizationsByRef } from '../organizations/organizations.repository';

type UserReady = {
  id: string;
  exists: boolean;
  email: string;
  name?: string;
  role?: Role;
  status?: 'active' | 'deactivated';
  organizationId: string;
  createdAt?: Date;
};

/**
 * People keep no password from another system: an imported person signs in
 * by asking for a password reset (or an admin invites them again).
 */
export const usersImporter: Importer<UserReady> = {
  type: 'users',
  label: 'Users (vendor staff and partner people)',
  key: 'email',
  dependsOn: ['partners'],
  writes: ['users'],
  fields: [
    {
      key: 'email',
      label: 'E-mail',
      required: true,
      description: 'Sign-in address; a re-import updates the person with this address',
      example: 'ana@northwind.example',
      aliases: ['e-mail', 'email address'],
      cell: email,
    },
    {
      key: 'name',
      label: 'Name',
      required: true,
      description: 'Full name',
      example: 'Ana Ruiz',
      aliases: ['full name'],
      cell: text(200, 1),
    },
    {
      key: 'role',
      label: 'Role',
      required: true,
      description: `${roles.join(', ')}: vendor roles for vendor staff, partner roles for partner people`,
      example: 'partner_admin',
      cell: oneOf(roles),
    },
    {
      key: 'partnerExternalId',
      label: 'Partner',
      description: 'The partner’s external id; blank for vendor staff',
      example: 'ACC-0042',
      aliases: ['partner', 'organization', 'organization.id', 'organizationId'],
      cell: ref,
    },
    {
      key: 'status',
      label: 'Status',
      description: 'active or deactivated; default active',
      example: 'active',
      cell: oneOf(['active', 'deactivated'] as const),
    },
    {
      key: 'createdAt',
      label: 'Created',
      description: 'When the account was created',
      example: '2022-01-10',
      cell: instant,
    },
  ],
  check(row, issue) {
    const role = row.role as Role;
    const vendorRole = orgKindOfRole(role) === 'vendor';
    if (vendorRole && row.partnerExternalId)
      issue('role', 'A partner’s people have a partner role (partner_admin or partner_user)');
    if (!vendorRole && !row.partnerExternalId) issue('partnerExternalId', 'A partner role needs the partner');
  },
  keyOf: (row) => String(row.email),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const vendor = await findVendor(q);
    const orgs = await findOrganizationsByRef(
      q,
      rows.flatMap((r) => (r.partnerExternalId ? [String(r.partnerExternalId)] : [])),
    );
    const existing = await findUsersByEmail(
      q,
      rows.map((r) => String(r.email)),
    );
    const ready = rows.map((r, index) => {
      const org = r.partnerExternalId
        ? orgs.get(String(r.partnerExternalId))
        : vendor && { id: vendor.id, kind: 'vendor' };
      if (!org || (r.partnerExternalId && org.kind !== 'partner')) {
        errors.push({
          index,
          field: 'partnerExternalId',
          message: 'No partner with this external id: import partners first',
        });
        return null;
      }
      const found = existing.get(String(r.email));
      if (found && found.organizationId !== org.id) {
        errors.push({
          index,
          field: 'email',
          message: 'This address belongs to a person of another organization',
        });
        return null;
      }
      return {
        ...(r as Partial<UserReady>),
        email: String(r.email),
        id: found?.id ?? newId(),
        exists: !!found,
        organizationId: org.id,
      };
    });
    return { errors, ready };
  },

  async write(q, rows) {
    const fresh = rows.filter((r) => !r.exists);
    if (fresh.length)
      await q.insert(users).values(
        fresh.map((r) => ({
          id: r.id,
          organizationId: r.organizationId,
          email: r.email,
          name: r.name!,
          role: r.role!,
          status: r.status ?? 'active',
          passwordHash: null,
          ...(r.createdAt ? { createdAt: r.createdAt, updatedAt: r.createdAt } : {}),
        })),
      );
    await updateByIds(
      q,
      users,
      ['name', 'role', 'status', 'createdAt'],
      rows
        .filter((x) => x.exists)
        .map((r) => ({ id: r.id, name: r.name!, role: r.role!, status: r.status, createdAt: r.createdAt })),
    );
    return { created: fresh.length, updated: rows.length - fresh.length };
  },
};

type EnrollmentReady = {
  id: string;
  exists: boolean;
  organizationId: string;
  programId: string;
  tierId: string;
  tierChanged: boolean;
  fromTierId: string | null;
  status: 'pending_agreement' | 'active' | 'suspended' | 'terminated';
  createdAt?: Date;
};

export const enrollmentsImporter: Importer<EnrollmentReady> = {
  type: 'enrollments',
  label: 'Enrollments (a partner in a program, at a tier)',
  key: 'partnerExternalId + program',
  dependsOn: ['partners'],
  writes: ['enrollments', 'tier_history'],
  fields: [
    {
      key: 'partnerExternalId',
      label: 'Partner',
      required: true,
      description: 'The partner’s external id',
      example: 'ACC-0042',
      aliases: ['partner', 'organization.id', 'organizationId'],
      cell: ref,
    },
    {
      key: 'program',
      label: 'Program',
      required: true,
      description: 'The program’s name (or id); the program must exist',
      example: 'Reseller Program',
      aliases: ['program.name', 'programName'],
      cell: text(200),
    },
    {
      key: 'tier',
      label: 'Tier',
      required: true,
      description: 'The tier’s name or code in the program’s current tiers',
      example: 'Gold',
      aliases: ['tier.name', 'tierName'],
      cell: text(100),
    },
    {
      key: 'status',
      label: 'Status',
      description: `${enrollmentStatus.options.join(', ')}; default active`,
      example: 'active',
      cell: oneOf(enrollmentStatus.options as ['active']),
    },
    {
      key: 'createdAt',
      label: 'Enrolled',
      description: 'When the partner joined the program',
      example: '2023-02-01',
      aliases: ['enrolled at', 'enrolledAt'],
      cell: instant,
    },
  ],
  keyOf: (row) => `${String(row.partnerExternalId)}|${String(row.program).toLowerCase()}`,

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const orgs = await findOrganizationsByRef(
      q,
      rows.map((r) => String(r.partnerExternalId)),
    );
    const names = [...new Set(rows.map((r) => String(r.program)))];
    const progs = await q
      .select({ id: programs.id, name: programs.name, tiersVersion: programs.tiersVersion })
      .from(programs)
      .where(
        or(
          inArray(
            sql`lower(${programs.name})`,
            names.map((n) => n.toLowerCase()),
          ),
          inArray(sql`${programs.id}::text`, names),
        ),
      );
    const programOf = (name: string) =>
      progs.find((p) => p.id === name || p.name.toLowerCase() === name.toLowerCase());
    const tiers = progs.length
      ? await q
          .select()
          .from(programTiers)
          .where(
            inArray(
              programTiers.programId,
              progs.map((p) => p.id),
            ),
          )
      : [];
    const orgIds = [...orgs.values()].map((o) => o.id);
    const live =
      orgIds.length && progs.length
        ? await q
            .select({
              id: enrollments.id,
              organizationId: enrollments.organizationId,
              programId: enrollments.programId,
              tierId: enrollments.tierId,
            })
            .from(enrollments)
            .where(
              and(
                inArray(enrollments.organizationId, orgIds),
                inArray(
                  enrollments.programId,
                  progs.map((p) => p.id),
                ),
                ne(enrollments.status, 'terminated'),
              ),
            )
        : [];
    const ready = rows.map((r, index) => {
      const org = orgs.get(String(r.partnerExternalId));
      if (!org || org.kind !== 'partner') {
        errors.push({
          index,
          field: 'partnerExternalId',
          message: 'No partner with this external id: import partners first',
        });
        return null;
      }
      const program = programOf(String(r.program));
      if (!program) {
        errors.push({ index, field: 'program', message: 'No program with this name' });
        return null;
      }
      const wanted = String(r.tier).toLowerCase();
      const tier = tiers.find(
        (t) =>
          t.programId === program.id &&
          t.programVersion === program.tiersVersion &&
          (t.name.toLowerCase() === wanted || t.code.toLowerCase() === wanted),
      );
      if (!tier) {
        errors.push({ index, field: 'tier', message: `No tier ${String(r.tier)} in ${program.name}` });
        return null;
      }
      const current = live.find((e) => e.organizationId === org.id && e.programId === program.id);
      return {
        id: current?.id ?? newId(),
        exists: !!current,
        organizationId: org.id,
        programId: program.id,
        tierId: tier.id,
        tierChanged: current?.tierId !== tier.id,
        fromTierId: current?.tierId ?? null,
        status: (r.status as EnrollmentReady['status']) ?? 'active',
        createdAt: r.createdAt as Date | undefined,
      };
    });
    return { errors, ready };
  },

  async write(q, rows) {
    const fresh = rows.filter((r) => !r.exists);
    if (fresh.length)
      await q.insert(enrollments).values(
        fresh.map((r) => ({
          id: r.id,
          organizationId: r.organizationId,
          programId: r.programId,
          tierId: r.tierId,
          status: r.status,
          ...(r.createdAt ? { createdAt: r.createdAt, updatedAt: r.createdAt } : {}),
        })),
      );
    await updateByIds(
      q,
      enrollments,
      ['tierId', 'status', 'createdAt'],
      rows
        .filter((x) => x.exists)
        .map((r) => ({ id: r.id, tierId: r.tierId, status: r.status, createdAt: r.createdAt })),
    );
    // The tier history says where a tier came from, as the tier engine's changes do.
    const moved = rows.filter((r) => r.tierChanged);
    if (moved.length)
      await q.insert(tierHistory).values(
        moved.map((r) => ({
          id: newId(),
          enrollmentId: r.id,
          kind: r.exists ? ('manual' as const) : ('initial' as const),
          fromTierId: r.fromTierId,
          toTierId: r.tierId,
          reason: 'Imported',
          ...(r.createdAt && !r.exists ? { at: r.createdAt } : {}),
        })),
      );
    return { created: fresh.length, updated: rows.length - fresh.length };
  },
};
