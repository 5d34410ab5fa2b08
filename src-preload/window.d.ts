// `window.labordesk` for the renderer (`import type` only); absent in a plain browser (web host mode).
import type { PreloadApi } from './api';

declare global {
  interface Window {
    labordesk?: PreloadApi;
  }
}

export {};
