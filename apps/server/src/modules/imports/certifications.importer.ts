// Certifications by import: a person's certification recorded elsewhere (an exam centre, another
// LMS's export). Each is issued through enablement's own door, its Open Badges credential signed with
// the issuer key in the batch's transaction: the commit is handed the key's box (ImportEnv), so no
// certification exists without its badge, whichever way it arrived. A re-run finds each by its person,
// type and issue day and leaves it as it is.
import { findUsersByEmail } from '../identity/identity.repository';
import { findCertificationTypesByCode, findIssuedKeys } from '../enablement/certifications.repository';
import { issueCertification, isoDay } from '../enablement/certifications.service';
import { date, email, text, type Importer, type RowError } from './fields';

type CertificationReady = {
  user: { id: string; name: string; email: string; organizationId: string };
  typeId: string;
  issuedOn: string;
  expiresOn?: string;
  externalId?: string;
  exists: boolean;
};

// The batch's writes and their audit entry are the import's (runs.service.ts), as for imported leads.
const quiet = { audit: () => undefined, event: () => undefined };

export const certificationsImporter: Importer<CertificationReady> = {
  type: 'certifications',
  label: 'Certifications (of people already imported)',
  key: 'email + certification + issuedOn',
  dependsOn: ['users'],
  writes: ['certifications'],
  fields: [
    {
      key: 'email',
      label: 'E-mail',
      required: true,
      description: 'The certified person’s sign-in address (a person already here)',
      example: 'ana@northwind.example',
      aliases: ['e-mail', 'email address', 'person', 'person.email'],
      cell: email,
    },
    {
      key: 'certification',
      label: 'Certification',
      required: true,
      description: 'The certification type’s code, in any case (see Enablement → Certifications)',
      example: 'sales-pro',
      aliases: ['certification type', 'type', 'type.code', 'code'],
      cell: text(60),
    },
    {
      key: 'issuedOn',
      label: 'Issued on',
      required: true,
      description: 'The day it was awarded, YYYY-MM-DD (not in the future)',
      example: '2026-03-14',
      aliases: ['issued', 'issue date', 'awarded on'],
      cell: date,
    },
    {
      key: 'expiresOn',
      label: 'Expires on',
      description: 'The day it lapses, after the issue day; default: the type’s validity',
      example: '2028-03-14',
      aliases: ['expires', 'expiry date', 'valid until'],
      cell: date,
    },
    {
      key: 'externalId',
      label: 'External id',
      description: 'Its id in the system it comes from',
      example: 'EXAM-7731',
      aliases: ['id', 'certificate id'],
      cell: text(200),
    },
  ],
  check(row, issue) {
    const issuedOn = row.issuedOn as string | undefined;
    const expiresOn = row.expiresOn as string | undefined;
    if (issuedOn && issuedOn > isoDay(new Date()))
      issue('issuedOn', 'A certification cannot be issued in the future');
    if (issuedOn && expiresOn && expiresOn <= issuedOn)
      issue('expiresOn', 'A certification cannot expire on or before its issue date');
  },
  keyOf: (row) =>
    `${String(row.email).toLowerCase()} ${String(row.certification).toLowerCase()} ${String(row.issuedOn)}`,

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const people = await findUsersByEmail(
      q,
      rows.map((r) => String(r.email)),
    );
    const types = await findCertificationTypesByCode(q);
    const ready = rows.map((r, index): CertificationReady | null => {
      const person = people.get(String(r.email).toLowerCase());
      const type = types.get(String(r.certification).toLowerCase());
      if (!person)
        errors.push({ index, field: 'email', message: 'No person with this e-mail: import users first' });
      if (!type)
        errors.push({
          index,
          field: 'certification',
          message: 'No certification type with this code (see Enablement → Certifications)',
        });
      if (!person || !type) return null;
      return {
        user: {
          id: person.id,
          name: person.name,
          email: person.email,
          organizationId: person.organizationId,
        },
        typeId: type.id,
        issuedOn: String(r.issuedOn),
        ...(r.expiresOn ? { expiresOn: String(r.expiresOn) } : {}),
        ...(r.externalId ? { externalId: String(r.externalId) } : {}),
        exists: false,
      };
    });
    const issued = await findIssuedKeys(
      q,
      ready.flatMap((r) => (r ? [{ userId: r.user.id, typeId: r.typeId, issuedOn: r.issuedOn }] : [])),
    );
    for (const r of ready) if (r) r.exists = issued.has(`${r.user.id}:${r.typeId}:${r.issuedOn}`);
    return { errors, ready };
  },

  async write(q, rows, env) {
    let created = 0;
    for (const { exists, ...r } of rows) {
      if (exists) continue;
      await issueCertification(
        q,
        env,
        quiet,
        { ...r, source: 'import', recordedByUserId: null },
        'expiresOn',
      );
      created++;
    }
    return { created, updated: 0 };
  },
};
