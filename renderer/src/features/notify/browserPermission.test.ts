import { describe, expect, it } from 'vitest';
import { isRefusal, offerOf } from './browserPermission';

describe('offerOf', () => {
  it('offers only in the browser, before the browser or the officer has decided', () => {
    expect(offerOf({ hostKind: 'browser', permission: 'default', refused: false })).toBe('offer');
    expect(offerOf({ hostKind: 'browser', permission: 'default', refused: true })).toBe('none');
    expect(offerOf({ hostKind: 'browser', permission: 'denied', refused: false })).toBe('none');
    expect(offerOf({ hostKind: 'browser', permission: 'granted', refused: false })).toBe('granted');
    expect(offerOf({ hostKind: 'browser', permission: null, refused: false })).toBe('none');
    expect(offerOf({ hostKind: 'electron', permission: 'default', refused: false })).toBe('none');
  });

  it('reads back only the refusal the desk stores', () => {
    expect(isRefusal('refused')).toBe(true);
    expect(isRefusal(undefined)).toBe(false);
    expect(isRefusal({ refused: true })).toBe(false);
  });
});
