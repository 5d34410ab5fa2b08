// Vietnamese passports ("hộ chiếu"): the number's form, and whether one lasts past a contract's end.
import { z } from 'zod';

/** One letter and seven digits (e.g. C1234567), as printed on Vietnamese passports. */
const passportNumberPattern = /^[A-Z]\d{7}$/;

/** The stored form: no surrounding spaces, upper case (people type "c1234567"). */
export function normalizePassportNumber(value: string): string {
  return value.trim().toUpperCase();
}

export function isPassportNumber(value: string): boolean {
  return passportNumberPattern.test(normalizePassportNumber(value));
}

// trim/toUpperCase are zod overwrites (same type in and out), so the schema still encodes responses.
export const passportNumberSchema = z.string().trim().toUpperCase().regex(passportNumberPattern, { message: 'passportNumber' });

/**
 * True when a passport expiring on `expiresOn` is still valid after the contract's last day
 * `contractEnd` (both ISO dates): the worker must be able to work to the end and travel home, so a
 * passport that expires on the last day itself is not enough.
 */
export function passportValidThrough(expiresOn: string, contractEnd: string): boolean {
  return expiresOn > contractEnd;
}
