// After the vault: the portal session decides between sign-in, the forced password change and the app.
import type { ReactNode } from 'react';
import type { Language } from '../../../src-common/language';
import { useSessionStatus } from '../data/use-session';
import { FullScreenLoader } from '../shell/FullScreenLoader';
import { StartupErrorScreen } from '../shell/StartupErrorScreen';
import { PasswordChangeScreen } from './PasswordChangeScreen';
import { SignInScreen } from './SignInScreen';

export function SessionGate({ language, children }: { language: Language; children: ReactNode }) {
  const status = useSessionStatus();
  if (status.isPending) return <FullScreenLoader />;
  if (status.isError) return <StartupErrorScreen error={status.error} onRetry={() => void status.refetch()} />;
  switch (status.data.state) {
    case 'signedOut':
      return <SignInScreen status={status.data} language={language} />;
    case 'passwordChangeRequired':
      return <PasswordChangeScreen status={status.data} language={language} />;
    case 'signedIn':
    case 'needsSignIn':
      // needsSignIn keeps the app open: the banner in the layout asks for the password again.
      return <>{children}</>;
  }
}
