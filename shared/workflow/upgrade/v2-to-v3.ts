/**
 * Version 2 → 3 (issue 8's several signers). Version 3 adds the `cosigned` event and changes no
 * shape of version 2, so a version-2 event is taken up as it is. What makes the new version is the
 * new type: a desk of version 2 answers a `cosigned` event with "update the desk" rather than
 * "invalid", and a version-2 event of that type is refused (no version-2 desk made one).
 */
type Raw = Record<string, unknown>;

export function v2ToV3(event: Raw): Raw {
  return { ...event, schemaVersion: 3 };
}
