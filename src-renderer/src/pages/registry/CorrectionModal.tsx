// "Correct and resend" of a change the portal refused (sync panel): the change's own form, prefilled from its
// payload, for the organisation kinds (employer, broker, branch, enterprise profile); filings have their own flow.
import { BranchFormModal } from '../branches/BranchRegistry';
import { branchValuesFrom } from '../branches/branch-form';
import { BrokerFormModal } from '../brokers/BrokerRegistry';
import { brokerValuesFrom } from '../brokers/broker-form';
import { EmployerFormModal } from '../employers/EmployerFormModal';
import { employerValuesFrom } from '../employers/employer-form';
import { ProfileFormModal } from '../enterprise/EnterpriseProfilePanel';
import { profileValuesFrom } from '../enterprise/profile-form';
import { isObject, recordIdFrom } from './record-form';

const correctableKinds = ['employer.upsert', 'broker.upsert', 'branch.upsert', 'enterprise.updateProfile'] as const;

export function isCorrectable(kind: string): boolean {
  return (correctableKinds as readonly string[]).includes(kind);
}

export interface CorrectionModalProps {
  kind: string;
  /** The refused payload, as it was queued. */
  payload: unknown;
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  /** The corrected payload, for the same record. */
  onResubmit: (payload: unknown) => void;
}

export function CorrectionModal({ kind, payload, onResubmit, ...common }: CorrectionModalProps) {
  const id = recordIdFrom(payload);
  const upsert = (fields: unknown) => {
    if (id) onResubmit({ id, fields });
  };
  switch (kind) {
    case 'employer.upsert':
      return <EmployerFormModal opened {...common} initialValues={employerValuesFrom(payload)} onSubmit={upsert} />;
    case 'broker.upsert':
      return <BrokerFormModal opened {...common} initialValues={brokerValuesFrom(payload)} onSubmit={upsert} />;
    case 'branch.upsert':
      return <BranchFormModal opened {...common} initialValues={branchValuesFrom(payload)} onSubmit={upsert} />;
    case 'enterprise.updateProfile': {
      const enterpriseId = isObject(payload) && typeof payload.enterpriseId === 'string' ? payload.enterpriseId : null;
      return (
        <ProfileFormModal
          {...common}
          initialValues={profileValuesFrom(payload)}
          onSubmit={(profile) => {
            if (enterpriseId) onResubmit({ enterpriseId, profile });
          }}
        />
      );
    }
    default:
      return null;
  }
}
