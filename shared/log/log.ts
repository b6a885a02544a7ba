/**
 * The one logger of the desk (renderer, Electron main and preload, shared code). Every line is
 * redacted here, before any sink sees it, so no sink — the console, a file later — can receive an
 * IIN, a phone number, an e-mail address or a name passed as a field. Lint forbids console.* outside
 * the console sink and requires the message to be a constant; what varies goes into `fields`.
 */
import { consoleSink } from './consoleSink';
import { redactAll, redactFields, type RedactedValue } from './redact';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

/** What a sink receives: already redacted. */
export interface LogRecord {
  level: LogLevel;
  /** ISO 8601, UTC. */
  time: string;
  message: string;
  fields: Readonly<Record<string, RedactedValue>>;
}

export type LogSink = (record: LogRecord) => void;

let sink: LogSink = consoleSink;
let threshold: LogLevel = 'info';

/** Replaces the sink (a host's file, a test's list); returns a function that puts the old one back. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** Lines below `level` are dropped before they are even redacted. */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

function write(level: LogLevel, message: string, fields: LogFields | undefined): void {
  if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(threshold)) return;
  const record: LogRecord = {
    level,
    time: new Date().toISOString(),
    message: redactAll(message),
    fields: fields === undefined ? {} : redactFields(fields),
  };
  try {
    sink(record);
  } catch {
    // A broken sink must not turn a log line into a failure of what was being logged.
  }
}

export const log = {
  debug: (message: string, fields?: LogFields): void => write('debug', message, fields),
  info: (message: string, fields?: LogFields): void => write('info', message, fields),
  warn: (message: string, fields?: LogFields): void => write('warn', message, fields),
  error: (message: string, fields?: LogFields): void => write('error', message, fields),
};
