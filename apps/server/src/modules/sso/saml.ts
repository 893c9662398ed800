import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
import { SsoRefusal } from './sso.refusal';
import type { SsoConnectionRow } from './sso.repository';
import { acsUrlOf, spEntityIdOf } from './sso.urls';

/** Clocks of an IdP and this server disagree a little; a minute is what the big IdPs document. */
const CLOCK_SKEW_MS = 60_000;
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/**
 * node-saml for one connection: signed assertions required (wantAssertionsSigned), audience = our
 * entity id, time window with a minute's skew. InResponseTo is bound by us to the browser that started
 * the request (the login state), not by node-saml's process-local cache.
 */
export function samlOf(c: SsoConnectionRow, publicUrl: string, requestId?: string) {
  return new SAML({
    callbackUrl: acsUrlOf(publicUrl, c.id),
    entryPoint: c.samlIdpSsoUrl!,
    issuer: spEntityIdOf(publicUrl, c.id),
    audience: spEntityIdOf(publicUrl, c.id),
    idpCert: c.samlIdpCertificates,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    signatureAlgorithm: 'sha256',
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    disableRequestedAuthnContext: true,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** The IdP URL with a deflated AuthnRequest whose ID is `requestId` (HTTP-Redirect binding). */
export async function samlAuthorizeUrl(
  c: SsoConnectionRow,
  publicUrl: string,
  requestId: string,
  relayState: string,
) {
  return samlOf(c, publicUrl, requestId).getAuthorizeUrlAsync(relayState, undefined, {});
}

export interface SamlIdentity {
  inResponseTo: string | null;
  assertionId: string;
  expiresAt: Date;
  email: string;
  name: string | null;
  attributes: Record<string, unknown>;
}

const first = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;

/**
 * Validates a posted SAMLResponse. node-saml checks the signature over the assertion (and that it is the
 * only one: signature wrapping), the audience and the time window; this adds what it leaves to the
 * application: a Success status, the Destination and Recipient being our ACS, the IdP's Issuer, and no
 * SHA-1 signatures.
 */
export async function validateSamlResponse(
  c: SsoConnectionRow,
  publicUrl: string,
  samlResponse: string,
): Promise<SamlIdentity> {
  const acs = acsUrlOf(publicUrl, c.id);
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  let doc: Awaited<ReturnType<typeof parseDomFromString>>;
  try {
    doc = await parseDomFromString(xml);
  } catch {
    throw new SsoRefusal('saml_invalid', 'The SAMLResponse is not XML');
  }
  const response = doc.documentElement;
  if (!response || response.localName !== 'Response')
    throw new SsoRefusal('saml_invalid', 'Not a SAML Response');
  const status = xpath.selectAttributes(
    doc,
    "/*[local-name()='Response']/*[local-name()='Status']/*[local-name()='StatusCode']/@Value",
  )[0];
  if (status?.value !== SUCCESS)
    throw new SsoRefusal('saml_status', `The IdP answered ${status?.value ?? 'no status'}`);
  const destination = response.getAttribute('Destination');
  if (destination && destination !== acs)
    throw new SsoRefusal('saml_destination', `The response is addressed to ${destination}, not ${acs}`);
  if (/xmldsig#(rsa-)?sha1['"]/.test(xml))
    throw new SsoRefusal(
      'saml_weak_signature',
      'SHA-1 signatures are refused: configure the IdP for SHA-256',
    );

  let profile;
  try {
    ({ profile } = await samlOf(c, publicUrl).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (err) {
    const message = (err as Error).message;
    const reason = /signature/i.test(message)
      ? 'saml_signature'
      : /audience/i.test(message)
        ? 'saml_audience'
        : /expired|not yet valid/i.test(message)
          ? 'saml_expired'
          : 'saml_invalid';
    throw new SsoRefusal(reason, message);
  }
  if (!profile) throw new SsoRefusal('saml_invalid', 'The response holds no assertion');
  if (profile.issuer !== c.samlIdpEntityId)
    throw new SsoRefusal(
      'saml_issuer',
      `The assertion's issuer is ${profile.issuer ?? 'missing'}, not ${c.samlIdpEntityId}`,
    );
  // From here on, only the verified assertion is read (never the unsigned envelope around it).
  const assertion = (profile.getAssertion?.() as { Assertion?: AssertionJs } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!assertion || !assertionId) throw new SsoRefusal('saml_invalid', 'The assertion has no ID');
  const confirmation = assertion.Subject?.[0]?.SubjectConfirmation?.[0]?.SubjectConfirmationData?.[0]?.$;
  if (confirmation?.Recipient !== acs)
    throw new SsoRefusal(
      'saml_recipient',
      `The assertion's Recipient is ${confirmation?.Recipient ?? 'missing'}, not ${acs}`,
    );
  const notOnOrAfter = confirmation?.NotOnOrAfter ?? assertion.Conditions?.[0]?.$?.NotOnOrAfter ?? null;
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const email =
    first(attributes.email) ??
    first(attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress']) ??
    first(profile.email) ??
    (profile.nameID?.includes('@') ? profile.nameID : null);
  if (!email) throw new SsoRefusal('no_email', 'The assertion carries no email address');
  const name =
    first(attributes.name) ??
    first(attributes.displayName) ??
    first(attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name']) ??
    ([first(attributes.firstName), first(attributes.lastName)].filter(Boolean).join(' ') || null);
  return {
    // The subject's InResponseTo is inside the signature; the envelope's is not.
    inResponseTo: confirmation?.InResponseTo ?? null,
    assertionId,
    expiresAt: notOnOrAfter ? new Date(notOnOrAfter) : new Date(Date.now() + 24 * 3600_000),
    email,
    name,
    attributes,
  };
}

interface AssertionJs {
  $?: { ID?: string };
  Subject?: {
    SubjectConfirmation?: {
      SubjectConfirmationData?: {
        $?: { Recipient?: string; NotOnOrAfter?: string; InResponseTo?: string };
      }[];
    }[];
  }[];
  Conditions?: { $?: { NotOnOrAfter?: string } }[];
}
