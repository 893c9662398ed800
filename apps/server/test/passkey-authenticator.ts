// A software passkey for server tests: a real P-256 key from node:crypto, the
// authenticator data and "none" attestation laid out as WebAuthn §6.1 / §8.7
// define them (CBOR through @simplewebauthn's own encoder), and ES256
// signatures over authenticatorData ‖ SHA-256(clientDataJSON). The product
// verifies its output with @simplewebauthn/server exactly as a browser's.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

export interface SoftPasskey {
  credentialId: string;
  /** Answers the browser's RegistrationResponseJSON to registration options. */
  register(options: Record<string, unknown>, origin?: string): Record<string, unknown>;
  /** Answers AuthenticationResponseJSON to authentication options. */
  assert(
    options: Record<string, unknown>,
    opts?: { origin?: string; userVerified?: boolean },
  ): Record<string, unknown>;
}

export function softPasskey(rpId = 'localhost', defaultOrigin = 'http://localhost:3000'): SoftPasskey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credId = randomBytes(16);
  let counter = 0;
  let userHandle: string | undefined;
  // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
  const coseKey = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, isoBase64URL.toBuffer(jwk.x!)],
    [-3, isoBase64URL.toBuffer(jwk.y!)],
  ]);

  function authenticatorData(flags: number, attested: boolean) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [sha256(rpId), Buffer.from([flags]), count];
    if (attested) {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(credId.length);
      parts.push(Buffer.alloc(16), len, credId, Buffer.from(isoCBOR.encode(coseKey)));
    }
    return Buffer.concat(parts);
  }
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    credentialId: b64(credId),
    register(options, origin = defaultOrigin) {
      userHandle = (options.user as { id: string }).id;
      // UP | UV | AT
      const authData = authenticatorData(0x01 | 0x04 | 0x40, true);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', new Uint8Array(authData)],
        ]) as Parameters<typeof isoCBOR.encode>[0],
      );
      return {
        id: b64(credId),
        rawId: b64(credId),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge as string, origin)),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
      };
    },
    assert(options, { origin = defaultOrigin, userVerified = true } = {}) {
      counter++;
      const authData = authenticatorData(0x01 | (userVerified ? 0x04 : 0), false);
      const cdj = clientData('webauthn.get', options.challenge as string, origin);
      const signature = sign('sha256', Buffer.concat([authData, sha256(cdj)]), privateKey);
      return {
        id: b64(credId),
        rawId: b64(credId),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64(cdj),
          authenticatorData: b64(authData),
          signature: b64(signature),
          ...(userHandle ? { userHandle } : {}),
        },
      };
    },
  };
}
