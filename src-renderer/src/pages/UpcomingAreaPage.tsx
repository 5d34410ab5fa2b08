// An area whose screens are not built yet: says calmly what will be here, offers nothing fake.
import { EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { areas, type UpcomingAreaId } from '../shell/areas';
import { PageHeader } from '../components/PageHeader';

export function UpcomingAreaPage({ area }: { area: UpcomingAreaId }) {
  const { t } = useTranslation();
  const AreaIcon = areas.find(({ id }) => id === area)?.icon;
  return (
    <>
      <PageHeader title={t(`areas.${area}`)} />
      <Paper withBorder p="xl" radius="sm">
        <EmptyState
          size="sm"
          icon={AreaIcon ? <AreaIcon size={28} stroke={1.5} /> : undefined}
          withIndicatorBackground
          title={t('upcoming.heading')}
          description={t(`upcoming.${area}`)}
        />
      </Paper>
    </>
  );
}
