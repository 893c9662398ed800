import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  profileFields,
  type contactPartnerBody,
  type marketplaceSearchQuery,
} from '@partnergraph/shared/contracts/marketplace';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import { invalid, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import { subjectsOf, takeAttempt, type Limit } from '../../lib/rate-limit';
import { insertLocatorReferral } from '../deals/referrals.repository';
import { customerDomain } from '../organizations/company-identity';
import { organizationsView } from '../organizations/organizations.repository';
import { partnerProfiles } from './marketplace.tables';
import { locatorLeadEmail, type Site } from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import { badgesOf, certificationBadgesOf, typesOf } from './profiles.service';
import { searchProfiles } from './search.service';

// The locator is open to anyone: generous for people, tight for scripts.
const searchLimit: Limit = { bucket: 'locator', max: 60, windowMs: 60_000 };
const contactLimit: Limit = { bucket: 'locator-contact', max: 5, windowMs: 3_600_000 };

interface PublicReq {
  ip: string | null;
  requestId: string;
}

export async function publicSearch(db: Db, req: PublicReq, query: z.output<typeof marketplaceSearchQuery>) {
  await takeAttempt(db, searchLimit, subjectsOf(null, req.ip), 'searches from this address');
  return searchProfiles(db, query);
}

async function publishedPartner(db: Db, id: string) {
  if (!isId(id)) throw notFound('partner');
  const [row] = await db
    .select({
      id: organizationsView.id,
      name: organizationsView.name,
      published: partnerProfiles.published,
      publishedAt: partnerProfiles.publishedAt,
    })
    .from(partnerProfiles)
    .innerJoin(organizationsView, eq(organizationsView.id, partnerProfiles.organizationId))
    .where(
      and(
        eq(partnerProfiles.organizationId, id),
        eq(partnerProfiles.status, 'published'),
        eq(organizationsView.status, 'active'),
      ),
    );
  if (!row?.published || !row.publishedAt) throw notFound('partner');
  return row as typeof row & { published: NonNullable<typeof row.published>; publishedAt: Date };
}

/** What a customer sees of a partner: the published profile, nothing else. */
export async function publicProfile(db: Db, req: PublicReq, id: string) {
  await takeAttempt(db, searchLimit, subjectsOf(null, req.ip), 'requests from this address');
  const p = await publishedPartner(db, id);
  return {
    organizationId: p.id,
    name: p.name,
    partnerTypes: (await typesOf(db, p.id)).map((t) => ({ code: t.code, name: t.name })),
    // Read through the schema: a snapshot published under an older shape gains today's defaults.
    profile: profileFields.parse(p.published),
    badges: p.published.showBadges ? await badgesOf(db, p.id) : [],
    certifiedPeople: p.published.showBadges ? await certificationBadgesOf(db, p.id) : [],
    publishedAt: p.publishedAt.toISOString(),
  };
}

/**
 * A customer's "contact this partner": a lead in the partner's referral inbox
 * (source `locator`, no referrer, so partner-to-partner metrics leave it out).
 * Spam protection: a hidden field people leave empty, and a per-address limit.
 */
export async function contactPartner(
  db: Db,
  mailer: Mailer,
  site: Site,
  req: PublicReq,
  id: string,
  input: z.output<typeof contactPartnerBody>,
) {
  const p = await publishedPartner(db, id);
  // Checked before the limit is counted: a typo does not use up one of the person's messages.
  const domain = input.companyDomain ? customerDomain(input.companyDomain) : customerDomain(input.email);
  if (input.companyDomain && !domain) {
    throw invalid([{ path: 'body.companyDomain', message: 'Not a public web domain (e.g. acme.com)' }]);
  }
  await takeAttempt(db, contactLimit, subjectsOf(input.email, req.ip), 'messages from this address');
  const receipt = {
    status: 'sent' as const,
    message: `Your message was sent to ${p.name}. They will reply by email.`,
  };
  // A filled trap field is a bot: it is told what a person is told, and nothing is stored.
  if (input.homepage) return receipt;
  const rid = newId();
  await runChange(db, { actor: null, requestId: req.requestId, ip: req.ip }, async (tx, record) => {
    await insertLocatorReferral(tx, {
      id: rid,
      recipientOrgId: p.id,
      companyName: input.company,
      companyDomain: domain?.domain ?? null,
      country: input.country ?? null,
      contactName: input.name,
      contactEmail: input.email,
      contactPhone: input.phone ?? null,
      need: input.message,
    });
    record.audit({
      action: 'referral.created',
      entityType: 'referral',
      entityId: rid,
      after: { source: 'locator', recipientOrganizationId: p.id, companyName: input.company },
    });
    record.event({
      type: 'referral.created',
      entityType: 'referral',
      entityId: rid,
      organizationIds: [p.id],
      payload: { id: rid, source: 'locator', companyName: input.company },
    });
  });
  await notifyOrganization(
    db,
    mailer,
    p.id,
    locatorLeadEmail(
      {
        organizationName: p.name,
        referralId: rid,
        contactName: input.name,
        companyName: input.company,
        message: input.message,
      },
      site,
    ),
    { kind: 'referral', link: `/referrals/${rid}` },
  );
  return receipt;
}
