// The portal address the shells accept from --portal-url / LABORDESK_PORTAL_URL.
import { describe, expect, it } from 'vitest';
import { parsePortalUrl } from '../../src-main/core/index';

describe('parsePortalUrl', () => {
  it('treats absent or blank as "not configured"', () => {
    expect(parsePortalUrl(undefined, 'X')).toBeUndefined();
    expect(parsePortalUrl('  ', 'X')).toBeUndefined();
  });

  it('accepts http and https base addresses and drops the trailing slash', () => {
    expect(parsePortalUrl('http://127.0.0.1:41655', 'X')).toBe('http://127.0.0.1:41655');
    expect(parsePortalUrl(' https://cong.molisa.gov.vn/ ', 'X')).toBe('https://cong.molisa.gov.vn');
    expect(parsePortalUrl('https://portal.example/labordesk/', 'X')).toBe('https://portal.example/labordesk');
  });

  it('refuses other schemes, non-URLs, credentials and queries, naming the source', () => {
    expect(() => parsePortalUrl('ftp://files.example', '--portal-url')).toThrow(/^--portal-url: must be an http/);
    expect(() => parsePortalUrl('127.0.0.1:8080', '--portal-url')).toThrow(/--portal-url/);
    expect(() => parsePortalUrl('not a url', 'LABORDESK_PORTAL_URL')).toThrow(/^LABORDESK_PORTAL_URL: not a URL/);
    expect(() => parsePortalUrl('https://user:secret@portal.example', 'X')).toThrow(/user name or password/);
    expect(() => parsePortalUrl('https://portal.example/?a=1', 'X')).toThrow(/query or fragment/);
  });
});
