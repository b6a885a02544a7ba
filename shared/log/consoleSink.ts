// The only place the desk writes to the console (lint allows console.* here and nowhere else). It
// receives records the logger has already redacted.
import type { LogRecord } from './log';

export function consoleSink(record: LogRecord): void {
  const hasFields = Object.keys(record.fields).length > 0;
  // The levels are named after the console's methods: debug, info, warn, error.
  if (hasFields) console[record.level](record.message, record.fields);
  else console[record.level](record.message);
}
