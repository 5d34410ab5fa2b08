// Renderer entry: pick the bridge, start i18n in the last-used language, mount <App />.
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { selectBridge } from './bridge/select-bridge';
import { readLanguageHint } from './data/language-hint';
import { currentLanguage, initI18n } from './i18n/i18n';
import './global.css';

const language = readLanguageHint();
initI18n(language);
document.documentElement.lang = language;

const selection = selectBridge(currentLanguage);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <App bridge={selection.kind === 'ready' ? selection.bridge : null} />
  </StrictMode>,
);
