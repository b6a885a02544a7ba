/**
 * Version 7: the settings gain the body that issues the documents (`issuer`, shared/settings). An
 * installation saved before has none, and settings that do not validate are refused as corrupt, so
 * the stored record gets one here — what its documents printed until now: the akimat's own name,
 * address and BIN as the header, and the head who signed them as the signatory, under his or her
 * stated position. An akimat is its kind, so its act is now the akimat's resolution (қаулы /
 * постановление) and header, act and signatory agree; the phone and e-mail are left for the akimat
 * to fill (the settings screen asks for them). Where the district's education department issues the
 * documents, the akimat changes the kind and fills the department in the settings.
 *
 * Self-contained: it reads the record as the earlier versions wrote it and touches nothing else.
 * No table changes, so the version declares no stores.
 */
import type { Transaction } from 'dexie';

export const STORES_V7 = {} as const;

const SETTINGS_KEY = 'installation';

type Pair = { kk: string; ru: string };

function isPair(value: unknown): value is Pair {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kk === 'string' && typeof v.ru === 'string';
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The issuing body an installation without one has been printing; undefined if the record is not usable. */
export function issuerFromEarlierSettings(value: unknown): Record<string, unknown> | undefined {
  const settings = record(value);
  const akimat = record(settings?.akimat);
  const head = record(settings?.head);
  if (!settings || !akimat || !head) return undefined;
  if (!isPair(akimat.name) || !isPair(akimat.address) || typeof akimat.bin !== 'string') return undefined;
  if (!isPair(head.name) || !isPair(head.position)) return undefined;
  return {
    kind: 'akimat',
    name: { ...akimat.name },
    address: { ...akimat.address },
    bin: akimat.bin,
    phone: '',
    email: '',
    signatory: { name: { ...head.name }, title: { ...head.position } },
  };
}

export async function upgrade007Issuer(tx: Transaction): Promise<void> {
  await tx
    .table<{ key: string; value: unknown }, string>('settings')
    .where('key')
    .equals(SETTINGS_KEY)
    .modify((row) => {
      const settings = record(row.value);
      if (!settings || settings.issuer !== undefined) return;
      const issuer = issuerFromEarlierSettings(settings);
      // A record this cannot read is left as it is: the repository reports it as corrupt, as before.
      if (issuer) row.value = { ...settings, issuer };
    });
}
