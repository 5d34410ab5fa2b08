// The branch form's values ("chi nhánh"): code, name, address, manager and the functions delegated to it.
import type { FormErrors } from '@mantine/form';
import { branchFieldsSchema, type BranchFields } from '../../../../src-common/domain/organisation';
import { branchFunctions, type BranchFunction } from '../../../../src-common/domain/roles';
import type { FieldIssue } from '../../bridge/contract-call';
import { clean, errorsFromIssues, fieldsHolder, isObject, optionalText, parseWith, str, type FieldOfPath, type FormParse, type FormRules } from '../registry/record-form';

export interface BranchFormValues {
  code: string;
  name: string;
  addressLine: string;
  provinceCode: string;
  /** Not edited here, but kept: a branch recorded with its commune keeps it. */
  communeCode: string;
  manager: string;
  functions: BranchFunction[];
}
type BranchFieldKey = 'code' | 'name' | 'addressLine' | 'provinceCode' | 'manager' | 'functions';

export const emptyBranchValues: BranchFormValues = { code: '', name: '', addressLine: '', provinceCode: '', communeCode: '', manager: '', functions: [] };

const isBranchFunction = (value: unknown): value is BranchFunction => (branchFunctions as readonly unknown[]).includes(value);

export function branchValuesFrom(source: unknown): BranchFormValues {
  const holder = fieldsHolder(source);
  const address = isObject(holder.address) ? holder.address : {};
  return {
    code: str(holder.code),
    name: str(holder.name),
    addressLine: str(address.line),
    provinceCode: str(address.provinceCode),
    communeCode: str(address.communeCode),
    manager: str(holder.manager),
    // In the enum's order, whatever order they were stored in.
    functions: branchFunctions.filter((fn) => Array.isArray(holder.functions) && holder.functions.filter(isBranchFunction).includes(fn)),
  };
}

const fieldOfPath: FieldOfPath = (path) => {
  const [first, second] = path;
  if (first === 'address') return second === 'line' ? 'addressLine' : second === 'provinceCode' ? 'provinceCode' : null;
  return first === 'code' || first === 'name' || first === 'manager' || first === 'functions' ? first : null;
};

const branchRules: FormRules<BranchFormValues, BranchFields> = {
  schema: branchFieldsSchema,
  candidate: (values) => ({
    code: clean(values.code),
    name: clean(values.name),
    address: { line: clean(values.addressLine), ...optionalText('communeCode', values.communeCode), provinceCode: values.provinceCode },
    manager: clean(values.manager),
    functions: branchFunctions.filter((fn) => values.functions.includes(fn)),
  }),
  fieldOfPath,
  message: (t, field) => t(`enterprise.branches.fields.${field as BranchFieldKey}.invalid`),
};

export function parseBranch(values: BranchFormValues): FormParse<BranchFields> {
  return parseWith(branchRules, values);
}

export function branchErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  return errorsFromIssues(branchRules, issues);
}
