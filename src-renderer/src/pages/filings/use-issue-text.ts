// issueText bound to the UI's language and formats.
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { issueText, type FilingIssue } from './filing-issues';

export function useIssueText(): (issue: FilingIssue) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = { language, money: (amount: number, currency: string) => formatMoney(amount, currency, language) };
  return (issue) => issueText(t, issue, format);
}
