// What the renderer needs of the host contract. The IPC channel table (./channels) is left out on
// purpose: only main and the preload speak IPC.
export * from './contract';
export * from './checks';
export * from './fileName';
export { NCALAYER_ORIGIN, isServerOrigin, isServiceOrigin, serviceOriginOf } from './csp';
export { DESK_HOST_GLOBAL, unwrapHostResponse, type DeskHostBridge } from './bridge';
