export {
  log,
  setLogLevel,
  setLogSink,
  LOG_LEVELS,
  type LogFields,
  type LogLevel,
  type LogRecord,
  type LogSink,
} from './log';
export {
  redactAll,
  redactFields,
  redactValue,
  isPersonalField,
  REDACTED,
  type RedactedValue,
} from './redact';
