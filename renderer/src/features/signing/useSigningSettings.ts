/**
 * The signing settings as the screens use them: read from the desk and kept current, and saved
 * only by those who may change the akimat's settings (shared/auth canEditSettings), checked here
 * whatever the screen shows.
 */
import { useEffect, useState } from 'react';
import { canEditSettings } from '../../../../shared/auth';
import type { SigningSettings, SigningSettingsResult } from '../../../../shared/settings';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';

/** The stored signing settings; undefined while they load (or when they cannot be read). */
export function useSigningSettings(): SigningSettings | undefined {
  const desk = useDesk((s) => s.desk);
  const [settings, setSettings] = useState<SigningSettings>();
  useEffect(() => {
    if (!desk) return undefined;
    let current = true;
    desk.signingSettings.get().then(
      (s) => current && setSettings(s),
      (error: unknown) => useDesk.getState().report(error),
    );
    const unsubscribe = desk.signingSettings.onChange((s) => setSettings(s));
    return () => {
      current = false;
      unsubscribe();
    };
  }, [desk]);
  return settings;
}

export type SaveSigningOutcome = SigningSettingsResult | { ok: false; refusal: 'not-allowed' } | undefined;

export async function saveSigningSettings(input: unknown): Promise<SaveSigningOutcome> {
  const { desk, report } = useDesk.getState();
  if (!desk) return undefined;
  if (!canEditSettings(useSession.getState().user)) return { ok: false, refusal: 'not-allowed' };
  try {
    return await desk.signingSettings.save(input);
  } catch (error) {
    report(error);
    return undefined;
  }
}
