/**
 * The queue's signature markers: the cases whose applicant's signature, verified on arrival and
 * stored (db signatureChecks), is broken or not the applicant's — with the current signing settings
 * only (a stale result says nothing until it is verified again). Read again whenever a stored
 * verification or the settings change; a few records (only warning ones are in the index).
 */
import { useEffect, useState } from 'react';
import type { SignatureWarning } from '../../../../shared/documents/check-signature';
import { useDesk } from '../../stores/deskStore';
import { fingerprintOf } from '../documents/signatureStore';

const NONE: ReadonlyMap<string, SignatureWarning> = new Map();

export function useSignatureWarnings(): ReadonlyMap<string, SignatureWarning> {
  const desk = useDesk((s) => s.desk);
  const [warnings, setWarnings] = useState(NONE);
  useEffect(() => {
    if (!desk) return;
    let alive = true;
    const read = () => {
      void fingerprintOf(desk)
        .then((fingerprint) => desk.signatureChecks.allWarnings(fingerprint))
        .then((found) => {
          if (alive) setWarnings(found);
        })
        // Unreadable: no markers, as before version 12 (the case still shows its documents' check).
        .catch(() => undefined);
    };
    read();
    const offChecks = desk.signatureChecks.onChange(read);
    const offSettings = desk.signingSettings.onChange(read);
    return () => {
      alive = false;
      offChecks();
      offSettings();
    };
  }, [desk]);
  return warnings;
}
