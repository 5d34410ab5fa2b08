// The services the routes call, built once per portal instance.
import type { AdminService } from '../admin/admin.service';
import type { AttachmentsService } from '../attachments/attachments.service';
import type { AuthService } from '../auth/auth.service';
import type { TokenSignInService } from '../auth/token-sign-in.service';
import type { PopulationRegistry } from '../population/population-registry';
import type { RecordsService } from '../records/records.service';
import type { SyncService } from '../sync/sync.service';
import type { TimestampAuthority } from '../tsa/timestamp-authority';

export interface PortalServices {
  auth: AuthService;
  tokenSignIn: TokenSignInService;
  admin: AdminService;
  records: RecordsService;
  sync: SyncService;
  population: PopulationRegistry;
  tsa: TimestampAuthority;
  attachments: AttachmentsService;
}
