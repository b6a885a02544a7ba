/// <reference types="vite/client" />
declare const __APP_VERSION__: string;
/** The central system the browser build's Content-Security-Policy allows (renderer/vite.config.ts). */
declare const __DESK_SERVER_ORIGIN__: string | null;
/** The signing services' origins the browser build's policy allows (DESK_SIGNING_ORIGINS). */
declare const __DESK_SIGNING_ORIGINS__: readonly string[];
