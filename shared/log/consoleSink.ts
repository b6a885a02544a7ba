// The only place the desk writes to the console (lint allows console.* here and nowhere else). It
// receives records the logger has already redacted.
import type { LogRecord } from './log';

export function consoleSink(record: LogRecord): void {
  const hasFields = Object.keys(record.fields).length > 0;
  const args: unknown[] = hasFields ? [record.message, record.fields] : [record.message];
  switch (record.level) {
    case 'debug':
      console.debug(...args);
      break;
    case 'info':
      console.info(...args);
      break;
    case 'warn':
      console.warn(...args);
      break;
    case 'error':
      console.error(...args);
      break;
  }
}
