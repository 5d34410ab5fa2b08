// A SoftHSM2 test token built from scratch, its library loaded and logged in once, for signing tests;
// plus the CAdES signature of some bytes with one of its certificates and the fixture CA as a trust list.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCadesBes } from '../../src-main/core/signing/cades';
import { Pkcs11Library, type TokenSession } from '../../src-main/core/token/pkcs11-token';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { tempDir } from './temp-core';

export type CertificateName = 'valid' | 'expired' | 'otherMst' | 'ec';

export interface OpenTestToken {
  token: TestToken;
  library: Pkcs11Library;
  session: TokenSession;
  /** Detached CAdES-BES (DER) of `content`, signed on the token with the named certificate. */
  sign(content: Uint8Array, which?: CertificateName): Promise<Uint8Array>;
  /** The fixture CA, as a trust list. */
  trustList(): Uint8Array[];
  close(): void;
}

export async function openTestToken(options: { mst?: string } = {}): Promise<OpenTestToken> {
  const token = await createTestToken(join(tempDir('labordesk-token-'), 'token'), options);
  // SoftHSM2 reads its configuration when the library is initialised.
  Object.assign(process.env, token.env);
  const library = new Pkcs11Library(token.module);
  library.load();
  const session = library.login(token.tokenLabel, token.userPin);
  return {
    token,
    library,
    session,
    sign: async (content, which = 'valid') => {
      const cert = token.certs[which]!;
      const ec = cert.keyType === 'ec';
      return createCadesBes({
        content,
        certificateDer: readFileSync(cert.certDer),
        keyAlgorithm: ec ? 'ec' : 'rsa',
        signingTime: new Date(),
        sign: async (bytes) => session.sign(cert.id, Buffer.from(bytes), ec ? 'ECDSA' : 'SHA256_RSA_PKCS'),
      });
    },
    trustList: () => [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)],
    close: () => {
      session.logout();
      library.close();
    },
  };
}
