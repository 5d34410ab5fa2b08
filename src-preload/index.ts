// Sandboxed preload entry: exposes the typed bridge as window.labordesk; the key never passes here.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

contextBridge.exposeInMainWorld('labordesk', createPreloadApi(ipcRenderer));
