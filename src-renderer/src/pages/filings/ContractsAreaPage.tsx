// The "Hợp đồng" area: an enterprise's accounts file their contract registrations and other filings here;
// agency accounts (officers) get their review screens elsewhere, so for them the area is still to come.
import { useSessionStatus } from '../../data/use-session';
import { UpcomingAreaPage } from '../UpcomingAreaPage';
import { FilingsPage } from './FilingsPage';

export function ContractsAreaPage() {
  const session = useSessionStatus();
  const role = session.data?.account?.role;
  return role === 'enterpriseAdmin' || role === 'branchStaff' ? <FilingsPage /> : <UpcomingAreaPage area="contracts" />;
}
