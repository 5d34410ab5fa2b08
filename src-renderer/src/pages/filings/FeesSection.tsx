// What the foreign party pays the enterprise, and what each worker pays: the service fee and the brokerage
// commission, checked against the statutory caps (checkFees) as they are typed, with the cap shown.
import { NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { brokerCommissionCapMonths, checkFees, serviceFeeCapMonths } from '../../../../src-common/domain/overseas/fee-caps';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { termMonthsOfValues, type RegistrationFormValues } from './registration-form-model';

type InputProps = (path: string) => { error?: string; [key: string]: unknown };

export function FeesSection({ values, getInputProps }: { values: RegistrationFormValues; getInputProps: InputProps }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wage = values.terms.wages.monthly.amount;
  const currency = values.terms.wages.monthly.currency.trim().toUpperCase();
  const termMonths = termMonthsOfValues(values);
  const known = typeof wage === 'number' && wage > 0 && termMonths !== null && /^[A-Z]{3}$/.test(currency);
  const money = (amount: number) => formatMoney(amount, currency, language);
  const months = (value: number) => new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);

  // Inline, before any "Ký và nộp": the caps are what users most often get wrong.
  const violations = known
    ? checkFees({
        wage,
        termMonths,
        serviceFee: typeof values.fees.serviceFeePerWorker === 'number' ? values.fees.serviceFeePerWorker : 0,
        brokerCommission: typeof values.fees.brokerCommissionPerWorker === 'number' ? values.fees.brokerCommissionPerWorker : 0,
      })
    : [];
  const violationText = (fee: 'serviceFee' | 'brokerCommission') => {
    const violation = violations.find((v) => v.fee === fee);
    return violation ? t(`filings.issues.${violation.key}`, { cap: money(violation.cap), capMonths: months(violation.capMonths) }) : undefined;
  };
  const capText = (capMonths: number) => (known ? t('filings.fees.cap', { cap: money(wage * capMonths), capMonths: months(capMonths) }) : t('filings.fees.capUnknown'));

  const serviceFee = getInputProps('fees.serviceFeePerWorker');
  const brokerCommission = getInputProps('fees.brokerCommissionPerWorker');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('filings.fields.serviceFeePerWorker')}
          withAsterisk
          thousandSeparator="."
          decimalSeparator=","
          min={0}
          suffix={currency ? ` ${currency}` : undefined}
          description={termMonths !== null ? capText(serviceFeeCapMonths(termMonths)) : t('filings.fees.capUnknown')}
          {...serviceFee}
          error={violationText('serviceFee') ?? serviceFee.error}
          data-testid="service-fee"
        />
        <NumberInput
          label={t('filings.fields.brokerCommissionPerWorker')}
          withAsterisk
          thousandSeparator="."
          decimalSeparator=","
          min={0}
          suffix={currency ? ` ${currency}` : undefined}
          description={termMonths !== null ? capText(brokerCommissionCapMonths(termMonths)) : t('filings.fees.capUnknown')}
          {...brokerCommission}
          error={violationText('brokerCommission') ?? brokerCommission.error}
          data-testid="broker-commission"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('filings.fees.source')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput label={t('filings.fields.foreignPartyFeeAmount')} withAsterisk thousandSeparator="." decimalSeparator="," min={0} {...getInputProps('terms.serviceFeeFromForeignParty.amount')} />
        <TextInput label={t('filings.fields.foreignPartyFeeCurrency')} withAsterisk maxLength={3} {...getInputProps('terms.serviceFeeFromForeignParty.currency')} />
      </SimpleGrid>
      <Textarea label={t('filings.fields.foreignPartyFeeTerms')} rows={2} {...getInputProps('terms.serviceFeeFromForeignParty.terms')} />
    </>
  );
}
