// Renders the whole renderer <App /> in happy-dom over a real core, in Vietnamese, fresh per test.
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { LaborDeskBridge } from '../../src-common/contract';
import type { Language } from '../../src-common/language';
import { App } from '../../src-renderer/src/App';
import { i18n, initI18n } from '../../src-renderer/src/i18n/i18n';

export function renderApp(bridge: LaborDeskBridge, { language = 'vi', hash = '' }: { language?: Language; hash?: string } = {}): RenderResult {
  window.localStorage.clear();
  window.location.hash = hash;
  if (i18n.isInitialized) void i18n.changeLanguage(language);
  else initI18n(language);
  return render(<App bridge={bridge} />);
}

export { cleanup };
