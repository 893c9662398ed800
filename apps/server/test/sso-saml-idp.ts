// A SAML identity provider for the tests: builds Responses as IdPs send them and signs the assertion with
// xml-crypto (RSA-SHA256, exclusive c14n) using the test-only key in fixtures/.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name: string) => fs.readFileSync(path.join(here, 'fixtures', name), 'utf8');
export const idpKey = read('saml-idp.key');
export const idpCert = read('saml-idp.crt');
export const otherKey = read('saml-other.key');
export const otherCert = read('saml-other.crt');

export const IDP_ENTITY_ID = 'https://idp.partner.example/saml';
export const IDP_SSO_URL = 'https://idp.partner.example/saml/sso';

const bareCert = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/** The IdP's metadata, as an admin would download it from Okta or Entra. */
export function idpMetadataXml() {
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${IDP_ENTITY_ID}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${bareCert(idpCert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${IDP_SSO_URL}/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${IDP_SSO_URL}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

/** The AuthnRequest's ID from the redirect the app sent the browser to. */
export function requestIdOf(redirect: string) {
  const request = new URL(redirect).searchParams.get('SAMLRequest')!;
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  return /\sID="([^"]+)"/.exec(xml)![1]!;
}

export interface AssertionInput {
  acsUrl: string;
  audience: string;
  email: string;
  groups?: string[];
  name?: string;
  inResponseTo?: string | null;
  issuer?: string;
  /** Minutes from now the assertion stops being valid (negative: already expired). */
  validMinutes?: number;
  assertionId?: string;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function assertionXml(a: AssertionInput) {
  const now = new Date();
  const until = new Date(now.getTime() + (a.validMinutes ?? 5) * 60_000);
  const before = new Date(Math.min(now.getTime(), until.getTime()) - 10 * 60_000);
  const inResponseTo = a.inResponseTo ? ` InResponseTo="${a.inResponseTo}"` : '';
  const groups = (a.groups ?? []).map((g) => `<saml:AttributeValue>${g}</saml:AttributeValue>`).join('');
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${a.assertionId ?? `_a${randomUUID()}`}" Version="2.0" IssueInstant="${iso(before)}"><saml:Issuer>${a.issuer ?? IDP_ENTITY_ID}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${a.email}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${iso(until)}" Recipient="${a.acsUrl}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${iso(before)}" NotOnOrAfter="${iso(until)}"><saml:AudienceRestriction><saml:Audience>${a.audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${iso(before)}" SessionIndex="_s1"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${a.email}</saml:AttributeValue></saml:Attribute><saml:Attribute Name="name"><saml:AttributeValue>${a.name ?? 'Sam Partner'}</saml:AttributeValue></saml:Attribute><saml:Attribute Name="groups">${groups}</saml:Attribute></saml:AttributeStatement></saml:Assertion>`;
}

/** Signs the assertion element (enveloped, after its Issuer), as IdPs do. */
export function signAssertion(xml: string, key = idpKey, cert = idpCert) {
  const sig = new SignedXml({
    privateKey: key,
    publicCert: cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, {
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
  });
  return sig.getSignedXml();
}

export function responseXml(a: AssertionInput, assertion: string, opts: { destination?: string } = {}) {
  const inResponseTo = a.inResponseTo ? ` InResponseTo="${a.inResponseTo}"` : '';
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${iso(new Date())}" Destination="${opts.destination ?? a.acsUrl}"${inResponseTo}><saml:Issuer>${a.issuer ?? IDP_ENTITY_ID}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
}

/** A whole signed response, base64 as the browser posts it. */
export function signedResponse(a: AssertionInput) {
  return Buffer.from(responseXml(a, signAssertion(assertionXml(a)))).toString('base64');
}

export const b64 = (xml: string) => Buffer.from(xml).toString('base64');
