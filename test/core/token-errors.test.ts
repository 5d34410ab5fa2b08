// PKCS#11 failures -> stable codes (SoftHSM2 never locks a PIN, so the locked case is tested here),
// and the catalogue of token libraries.
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { describe, expect, it } from 'vitest';
import { detectModules, readCatalogue } from '../../src-main/core/token/module-catalogue';
import { ckrNameOf, toTokenError } from '../../src-main/core/token/pkcs11-errors';
import { partyIdOf } from '../../src-main/core/token/pkcs11-token';

const pkcs11Error = (name: string, code: number) => new pkcs11js.Pkcs11Error(name, code, 'C_Login');

describe('PKCS#11 error mapping', () => {
  it('maps a locked PIN, a wrong PIN (with the retry flags) and a removed token to their codes', () => {
    expect(toTokenError(pkcs11Error('CKR_PIN_LOCKED', 0xa4))).toMatchObject({ code: 'TOKEN_PIN_LOCKED', details: { ckr: 'CKR_PIN_LOCKED' } });
    expect(toTokenError(pkcs11Error('CKR_PIN_INCORRECT', 0xa0), { countLow: true, finalTry: false })).toMatchObject({
      code: 'TOKEN_PIN_INCORRECT',
      details: { countLow: true, finalTry: false },
    });
    for (const [name, code] of [['CKR_DEVICE_REMOVED', 0x32], ['CKR_TOKEN_NOT_PRESENT', 0xe0], ['CKR_SESSION_HANDLE_INVALID', 0xb3]] as const) {
      expect(toTokenError(pkcs11Error(name, code))).toMatchObject({ code: 'TOKEN_REMOVED' });
    }
  });

  it('reads the CKR name from the message or, failing that, the numeric code', () => {
    expect(ckrNameOf({ message: 'something', code: 0xa4 })).toBe('CKR_PIN_LOCKED');
    expect(ckrNameOf(new Error('CKR_PIN_INCORRECT:160'))).toBe('CKR_PIN_INCORRECT');
    expect(ckrNameOf(new Error('disk on fire'))).toBeNull();
  });

  it('lets other failures through unchanged', () => {
    const other = new Error('disk on fire');
    expect(toTokenError(other)).toBe(other);
    const unmapped = pkcs11Error('CKR_MECHANISM_INVALID', 0x70);
    expect(toTokenError(unmapped)).toBe(unmapped);
  });
});

describe('token library catalogue', () => {
  const catalogue = readCatalogue(join(process.cwd(), 'resources'));

  it('lists the Vietnamese CAs’ drivers, OpenSC and SoftHSM2 per platform, the custom path first', () => {
    const present = new Set(['C:\\Windows\\System32\\vnpt-ca_csp11.dll']);
    const found = detectModules(catalogue, { platform: 'win32', customPath: 'D:\\token\\x.dll', exists: (p) => present.has(p) });
    expect(found[0]).toEqual({ id: 'custom', name: 'custom', path: 'D:\\token\\x.dll', present: false });
    expect(found.filter((m) => m.present).map((m) => m.id)).toEqual(['vnpt-ca']);
    expect(new Set(catalogue.map((e) => e.id))).toEqual(new Set(['vnpt-ca', 'epass2003', 'viettel-ca', 'bkav-ca', 'safenet', 'idprime', 'opensc', 'softhsm2']));
  });

  it('finds nothing that is not there', () => {
    expect(detectModules(catalogue, { platform: 'linux', exists: () => false }).some((m) => m.present)).toBe(false);
  });
});

describe('party id in the certificate subject', () => {
  it('reads MST, CCCD and CMND from the UID line only', () => {
    expect(partyIdOf('C=VN\nCN=Công ty A\nUID=MST:0101234567')).toBe('MST:0101234567');
    expect(partyIdOf('UID=CCCD:001090012345\nCN=Nguyễn Văn A')).toBe('CCCD:001090012345');
    expect(partyIdOf('CN=UID=MST:0101234567')).toBeNull();
    expect(partyIdOf('CN=No id')).toBeNull();
  });
});
