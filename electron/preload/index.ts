// The only bridge between the sandboxed renderer and main: one function per host channel, each a
// single ipcRenderer.invoke. ipcRenderer itself is never exposed, so a compromised page cannot send
// on arbitrary channels or listen to main.
import { contextBridge, ipcRenderer } from 'electron';
import { DESK_HOST_GLOBAL } from '../../shared/host/bridge';
import { createDeskHostBridge } from './bridge';

contextBridge.exposeInMainWorld(
  DESK_HOST_GLOBAL,
  createDeskHostBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
