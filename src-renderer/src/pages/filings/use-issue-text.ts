// issueText bound to the UI's language and formats.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/format';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { issueText, type FilingIssue } from './filing-issues';

export function useIssueText(): (issue: FilingIssue) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = { money: (amount: number, currency: string) => formatMoney(amount, currency, language), date: (iso: string) => formatDate(iso, language) };
  return (issue) => issueText(t, issue, format);
}
