// The navigation areas (ARCHITECTURE.md §6) in menu order, each with its icon and Alt+digit shortcut.
import {
  IconBuildingSkyscraper,
  IconChecklist,
  IconFileDescription,
  IconInfoCircle,
  IconReportAnalytics,
  IconSettings,
  IconShieldCheck,
  IconSignature,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export const areaIds = ['enterprises', 'contracts', 'workers', 'filings', 'verify', 'review', 'reports', 'settings', 'about'] as const;
export type AreaId = (typeof areaIds)[number];

/** Areas whose screens are still to come; they show what will be there. */
export type UpcomingAreaId = Exclude<AreaId, 'enterprises' | 'filings' | 'verify' | 'settings' | 'about'>;

export interface Area {
  id: AreaId;
  icon: Icon;
  /** Mantine hotkey notation, e.g. `alt+1`. */
  hotkey: string;
}

export const areas: readonly Area[] = [
  { id: 'enterprises', icon: IconBuildingSkyscraper },
  { id: 'contracts', icon: IconFileDescription },
  { id: 'workers', icon: IconUsers },
  { id: 'filings', icon: IconSignature },
  // The signature verifier: anyone may check a .p7s someone sent, without a token.
  { id: 'verify', icon: IconShieldCheck },
  { id: 'review', icon: IconChecklist },
  { id: 'reports', icon: IconReportAnalytics },
  { id: 'settings', icon: IconSettings },
  { id: 'about', icon: IconInfoCircle },
].map((area, index) => ({ ...area, id: area.id as AreaId, hotkey: `alt+${index + 1}` }));

export const defaultAreaId: AreaId = 'enterprises';

export function isAreaId(value: string): value is AreaId {
  return (areaIds as readonly string[]).includes(value);
}

/**
 * Hash routes: every area, plus pages reached from elsewhere than the navigation (the sync panel
 * opens from the header's sync badge or with Alt+0).
 */
export const routeIds = [...areaIds, 'sync'] as const;
export type RouteId = (typeof routeIds)[number];

export function isRouteId(value: string): value is RouteId {
  return (routeIds as readonly string[]).includes(value);
}

export const syncPanelHotkey = 'alt+0';
/** "Sync now" from any screen. */
export const syncNowHotkey = 'mod+shift+S';

/** A Mantine hotkey as users read it: `mod+shift+S` -> `Ctrl+Shift+S`, `alt+0` -> `Alt+0`. */
export function hotkeyLabel(hotkey: string): string {
  const names: Record<string, string> = { mod: 'Ctrl', ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift' };
  return hotkey
    .split('+')
    .map((part) => names[part] ?? part.toUpperCase())
    .join('+');
}

export function areaHref(id: RouteId): string {
  return `#/${id}`;
}
