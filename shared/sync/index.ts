/** The desk's sync engine (issue 9): pure, with its HTTP, storage, clock and lock injected. */
export * from './backoff';
export * from './client';
export * from './store';
export * from './pull';
export * from './push';
export * from './upload';
export * from './lock';
export * from './engine';
export * from './scheduler';
export * from './device';
export * from './download';
export * from './working-set';
export * from './compress-body';
