// Schemas of the organisations the portal keeps: enterprises, branches, foreign employers, brokers, agencies.
import { z } from 'zod';
import { communeCodePattern, isProvinceCode } from './administrative-units';
import { isTaxCode } from './identifiers';
import { agencyLevelSchema, branchFunctionSchema } from './roles';

const text = (max: number) => z.string().trim().min(1).max(max);
export const isoDateSchema = z.iso.date();

export const provinceCodeSchema = z.string().refine(isProvinceCode, { message: 'provinceCode' });
export const communeCodeSchema = z.string().regex(communeCodePattern);
export const taxCodeSchema = z.string().trim().refine(isTaxCode, { message: 'taxCode' });
/** ISO 3166-1 alpha-2, upper-case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

export const addressSchema = z.strictObject({
  line: text(300),
  communeCode: communeCodeSchema.optional(),
  provinceCode: provinceCodeSchema,
});
export type Address = z.infer<typeof addressSchema>;

export const contactSchema = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/).optional(),
  email: z.email().max(254).optional(),
});

export const serviceLicenceSchema = z
  .strictObject({ number: text(50), issuedOn: isoDateSchema, expiresOn: isoDateSchema })
  .refine((licence) => licence.expiresOn > licence.issuedOn, { message: 'licenceExpiresBeforeIssued', path: ['expiresOn'] });

/** ISO 4217 currency code, upper-case (VND, JPY, USD...). */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/);

/**
 * One row of the published schedule of service fees ("biểu phí dịch vụ"), which a service enterprise
 * must make public: per market and trade, the fee as an amount in a currency and/or in months of wage.
 */
export const serviceFeeRowSchema = z.strictObject({
  market: countryCodeSchema,
  trade: text(150),
  amount: z.number().min(0).max(1e12),
  currency: currencyCodeSchema,
  /** The fee expressed in months of the worker's contract wage (the legal caps are in these terms). */
  monthsOfWage: z.number().min(0).max(36).optional(),
  note: text(500).optional(),
});
export type ServiceFeeRow = z.infer<typeof serviceFeeRowSchema>;
export const serviceFeeScheduleMax = 200;

/** The parts of an enterprise's profile it edits itself; the tax code is fixed at registration. */
export const enterpriseProfileSchema = z.strictObject({
  nameVi: text(300),
  nameForeign: text(300).optional(),
  licence: serviceLicenceSchema,
  headOffice: addressSchema,
  legalRepresentative: z.strictObject({ fullName: text(150), title: text(100) }),
  contact: contactSchema,
  /** Optional: profiles stored before the schedule existed have none. Bounded: it is stored as JSON. */
  serviceFeeSchedule: z.array(serviceFeeRowSchema).max(serviceFeeScheduleMax).optional(),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;

export const branchFieldsSchema = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/),
  name: text(300),
  address: addressSchema,
  manager: text(150),
  // No transforms in shared schemas: the portal also uses them to encode responses.
  functions: z
    .array(branchFunctionSchema)
    .max(10)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicateFunction' }),
});
export type BranchFields = z.infer<typeof branchFieldsSchema>;

export const employerFieldsSchema = z.strictObject({
  name: text(300),
  country: countryCodeSchema,
  address: text(300),
  registrationNumber: text(100),
  sector: text(150),
  contact: contactSchema,
});
export type EmployerFields = z.infer<typeof employerFieldsSchema>;

export const brokerFieldsSchema = z.strictObject({
  name: text(300),
  country: countryCodeSchema,
  contact: contactSchema,
  commissionTerms: text(2000),
});
export type BrokerFields = z.infer<typeof brokerFieldsSchema>;

export const agencyFieldsSchema = z
  .strictObject({
    name: text(300),
    level: agencyLevelSchema,
    provinceCode: provinceCodeSchema.optional(),
    communeCode: communeCodeSchema.optional(),
  })
  .refine((a) => (a.level === 'central') === (a.provinceCode === undefined), { message: 'jurisdiction', path: ['provinceCode'] })
  .refine((a) => (a.level === 'commune') === (a.communeCode !== undefined), { message: 'jurisdiction', path: ['communeCode'] });
export type AgencyFields = z.infer<typeof agencyFieldsSchema>;
