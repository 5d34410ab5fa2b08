// How close the enterprise's service licence is to its expiry: a warning from 60 days before, "expired" after.
/** Days before expiry from which the licence is flagged (issue 6: warn 60 days before). */
export const licenceWarningDays = 60;

export type LicenceWarningLevel = 'ok' | 'expiringSoon' | 'expired';
export interface LicenceWarning {
  level: LicenceWarningLevel;
  /** Whole days from `today` to the expiry date: 0 on the last valid day, negative once expired. */
  daysLeft: number;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of a calendar date `yyyy-MM-dd` (no time zone: both dates are calendar days). */
function dayNumber(date: string): number {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(d)) throw new RangeError(`not a calendar date: ${date}`);
  return Math.round(ms / 86_400_000);
}

/**
 * The licence is valid through `expiresOn` itself; from the day after it is expired. Within
 * `licenceWarningDays` days of the expiry (inclusive) it is expiring soon.
 */
export function licenceWarning(expiresOn: string, today: string): LicenceWarning {
  const daysLeft = dayNumber(expiresOn) - dayNumber(today);
  if (daysLeft < 0) return { level: 'expired', daysLeft };
  if (daysLeft <= licenceWarningDays) return { level: 'expiringSoon', daysLeft };
  return { level: 'ok', daysLeft };
}
