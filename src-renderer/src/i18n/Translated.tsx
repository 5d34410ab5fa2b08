// Text rendered as a component so it re-translates when the language changes (e.g. form errors kept in state).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export function Translated({ text }: { text: (t: TFunction) => string }) {
  const { t } = useTranslation();
  return <>{text(t)}</>;
}
