// Entry of a verify-pool worker when the portal runs from its TypeScript sources (tsx, vitest): loads
// verify-worker.ts through tsx's loader, registered for this worker thread alone.
import { tsImport } from 'tsx/esm/api';

await tsImport('./verify-worker.ts', import.meta.url);
