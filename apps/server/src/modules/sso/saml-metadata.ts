import { X509Certificate } from 'node:crypto';
// node-saml's own parser (xmldom, with its entity and DOCTYPE defences): the metadata is read with the
// same code that later checks the assertions.
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';

export interface IdpMetadata {
  entityId: string | null;
  ssoUrl: string | null;
  certificates: string[];
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** The IdP's entity id, HTTP-Redirect sign-in URL and signing certificates; null when it is not metadata. */
export async function readIdpMetadata(xml: string): Promise<IdpMetadata | null> {
  let doc: Awaited<ReturnType<typeof parseDomFromString>>;
  try {
    doc = await parseDomFromString(xml);
  } catch {
    return null;
  }
  const entity = xpath.selectElements(doc, "//*[local-name()='EntityDescriptor']")[0];
  const idp = xpath.selectElements(doc, "//*[local-name()='IDPSSODescriptor']")[0];
  if (!entity || !idp) return null;
  const services = xpath.selectElements(idp, "./*[local-name()='SingleSignOnService']");
  const redirect = services.find((s) => s.getAttribute('Binding') === REDIRECT);
  const certificates = xpath
    .selectElements(idp, "./*[local-name()='KeyDescriptor']")
    .filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing')
    .flatMap((k) => xpath.selectElements(k, ".//*[local-name()='X509Certificate']"))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean);
  return {
    entityId: entity.getAttribute('entityID'),
    ssoUrl: redirect?.getAttribute('Location') ?? null,
    certificates: [...new Set(certificates)],
  };
}

/** PEM from PEM or bare base64; null when it is not an X.509 certificate. */
export function normalizeCertificate(text: string): string | null {
  const body = text
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '')
    .trim();
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) return null;
  const pem = `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
    return pem;
  } catch {
    return null;
  }
}

/** When a stored certificate stops being valid; null when it does not parse. */
export function certificateExpiry(pem: string): Date | null {
  try {
    return new Date(new X509Certificate(pem).validTo);
  } catch {
    return null;
  }
}

/** Our SP metadata for the IdP admin to import: entity id, ACS (HTTP-POST), signed assertions wanted. */
export function spMetadataXml(spEntityId: string, acsUrl: string): string {
  return generateServiceProviderMetadata({
    issuer: spEntityId,
    callbackUrl: acsUrl,
    wantAssertionsSigned: true,
    decryptionCert: null,
    publicCerts: null,
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  });
}
