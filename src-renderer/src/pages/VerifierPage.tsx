// Kiểm tra chữ ký: a page of its own in the navigation, where any .p7s is checked against its file
// (signer, MST, signing time, certificate validity, verdict), with or without a token plugged in.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { VerifierSection } from './signing/VerifierSection';

export function VerifierPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('areas.verify')} description={t('signing.verifierPage.intro')} />
      <VerifierSection />
    </>
  );
}
