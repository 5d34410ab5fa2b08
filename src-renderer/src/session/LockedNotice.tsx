// "Tài khoản tạm khoá, thử lại sau 14 phút": the time left of an AUTH_ACCOUNT_LOCKED, counted down.
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../src-common/result';
import { useErrorText } from '../bridge/error-text';
import { formatTime } from '../format/format';
import { useLanguage } from '../i18n/use-language';

const TICK_MS = 15_000;

/**
 * When the lock ends, on this computer's clock. retryAfterSeconds is preferred to lockedUntil: it is a
 * duration, so a computer clock that is off does not matter.
 */
export function lockEndsAt(error: AppError, receivedAt: number): number | null {
  const details = (error.details ?? {}) as { retryAfterSeconds?: unknown; lockedUntil?: unknown };
  if (typeof details.retryAfterSeconds === 'number' && Number.isFinite(details.retryAfterSeconds)) {
    return receivedAt + details.retryAfterSeconds * 1000;
  }
  if (typeof details.lockedUntil === 'string') {
    const until = Date.parse(details.lockedUntil);
    if (Number.isFinite(until)) return until;
  }
  return null;
}

/** Whole minutes left, rounded up, at least 1 while the lock lasts; 0 once it is over. */
export function minutesLeft(endsAt: number, now: number): number {
  const left = endsAt - now;
  return left <= 0 ? 0 : Math.max(1, Math.ceil(left / 60_000));
}

/** Mount with a new `key` per refusal: the time is counted from when the refusal arrived. */
export function LockedNotice({ error }: { error: AppError }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [receivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(receivedAt);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const endsAt = lockEndsAt(error, receivedAt);
  const minutes = endsAt === null ? null : minutesLeft(endsAt, now);
  const text =
    endsAt === null || minutes === null
      ? errorText(error)
      : minutes === 0
        ? t('session.lockedOver')
        : t('session.locked', { minutes, time: formatTime(new Date(endsAt), language) });
  return (
    <Alert color={minutes === 0 ? 'blue' : 'orange'} variant="light" icon={<IconLock size={18} />} role="alert" data-testid="account-locked">
      {text}
    </Alert>
  );
}
