// Human wording for audit entries: the action's name and a one-line summary of its details.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../src-common/contract';
import { isSettingKey } from '../forms/SettingsFieldError';

export function auditActionLabel(action: string, t: TFunction): string {
  switch (action) {
    case 'vault.created':
      return t('about.actions.vaultCreated');
    case 'vault.unlocked':
      return t('about.actions.vaultUnlocked');
    case 'settings.changed':
      return t('about.actions.settingsChanged');
    default:
      return action; // A newer core's action: its code name is still better than nothing.
  }
}

export function auditDetailsSummary(entry: AuditEntry, t: TFunction): string {
  const { details } = entry;
  const changed = details.changed;
  if (typeof changed === 'object' && changed !== null) {
    const fields = Object.keys(changed).map((key) => (isSettingKey(key) ? t(`settings.fields.${key}.label`) : key));
    return t('about.changedFields', { fields: fields.join(', ') });
  }
  if (details.method === 'passphrase' || details.method === 'recovery-key') return t(`vault.methods.${details.method}`);
  const protection = details.protection;
  if (protection === 'os-keychain' || protection === 'passphrase' || protection === 'config') {
    return t(`about.keyProtections.${protection}`);
  }
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
