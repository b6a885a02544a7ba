/** Timestamps the server writes: UTC ISO 8601 ('…Z'), which every timestamp schema accepts. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A timestamptz as the drivers return it (a Date; text from some casts) → ISO 8601 UTC. */
export function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoOf(value);
}
