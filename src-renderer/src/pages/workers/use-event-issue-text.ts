// Issue text for the worker-event and liquidation forms: the shared rules' own keys for workers abroad
// (flight number, event sequence, liquidation dates) in the UI's language, else the filings' wording.
import { isWorkerAbroadMessageKey, workerAbroadMessage } from '../../../../src-common/domain/overseas/worker-abroad-messages';
import { useLanguage } from '../../i18n/use-language';
import type { FilingIssue } from '../filings/filing-issues';
import { useIssueText } from '../filings/use-issue-text';

export function useWorkerIssueText(): (issue: FilingIssue) => string {
  const language = useLanguage();
  const issueText = useIssueText();
  return (issue) => (isWorkerAbroadMessageKey(issue.message) ? workerAbroadMessage(issue.message, language) : issueText(issue));
}
