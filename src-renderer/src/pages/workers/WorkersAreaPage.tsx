// The "Người lao động" area: enterprise accounts follow their workers abroad here; agency accounts get
// their own screens later, so for them the area is still to come.
import { useSessionStatus } from '../../data/use-session';
import { UpcomingAreaPage } from '../UpcomingAreaPage';
import { WorkersPage } from './WorkersPage';

export function WorkersAreaPage() {
  const session = useSessionStatus();
  const role = session.data?.account?.role;
  return role === 'enterpriseAdmin' || role === 'branchStaff' ? <WorkersPage /> : <UpcomingAreaPage area="workers" />;
}
