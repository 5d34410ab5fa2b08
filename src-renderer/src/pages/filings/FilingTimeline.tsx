// A filing version's timeline: each transition with who and when, the signature's signer and hash, the
// portal's receipt reference and an officer's reason.
import { Code, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../src-common/contract';
import { formatDateTime } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';

const transitions = ['created', 'edited', 'signed', 'submitted', 'received', 'underReview', 'approved', 'rejected', 'supplementRequested'] as const;
type KnownTransition = (typeof transitions)[number];
const isKnown = (value: string): value is KnownTransition => (transitions as readonly string[]).includes(value);
const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

export function FilingTimeline({ history }: { history: FilingView['history'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="filing-timeline">
      {history.map((entry, index) => {
        const detail = entry.detail ?? {};
        const signer = str(detail.commonName);
        const partyId = str(detail.partyId);
        const hash = str(detail.signatureSha256);
        const reference = str(detail.reference);
        const reason = str(detail.reason);
        return (
          <Timeline.Item
            key={index}
            data-testid="timeline-entry"
            data-transition={entry.transition}
            title={isKnown(entry.transition) ? t(`filings.transitions.${entry.transition}`) : entry.transition}
          >
            <Text size="xs" c="dimmed">
              {t('filings.timeline.byAt', {
                actor: entry.actor === 'portal' ? t('filings.timeline.portal') : entry.actor,
                time: formatDateTime(entry.at, language),
              })}
            </Text>
            {(signer || partyId) && (
              <Text size="sm" data-testid="timeline-signer">
                {t('filings.timeline.signer', { signer: [signer, partyId].filter(Boolean).join(' — ') })}
              </Text>
            )}
            {hash && (
              <Text size="xs">
                {t('filings.timeline.signatureHash')} <Code data-testid="timeline-hash">{hash}</Code>
              </Text>
            )}
            {reference && <Text size="sm">{t('filings.timeline.reference', { reference })}</Text>}
            {reason && <Text size="sm">{t('filings.timeline.reason', { reason })}</Text>}
            {detail.signatureDropped === true && (
              <Text size="xs" c="orange.8">
                {t('filings.timeline.signatureDropped')}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
