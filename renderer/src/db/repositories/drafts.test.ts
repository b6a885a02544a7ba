import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';
import { actionDraftKey } from './drafts';

let desk: Desk | undefined;
afterEach(() => desk?.close());

describe('drafts repository', () => {
  it('keeps each person’s drafts apart and replaces a draft as it is typed', async () => {
    desk = await openTestDesk();
    const key = actionDraftKey('case-1', 'returned');
    await desk.drafts.put('head-1', key, { comment: 'Қайта' });
    await desk.drafts.put('head-1', key, { comment: 'Қайта қараңыз' });
    await desk.drafts.put('officer-1', key, { comment: 'другое' });
    expect(await desk.drafts.get('head-1', key)).toEqual({ comment: 'Қайта қараңыз' });
    expect(await desk.drafts.get('officer-1', key)).toEqual({ comment: 'другое' });
    expect(await desk.drafts.get('officer-2', key)).toBeUndefined();
  });

  it('lists a person’s keys by prefix and removes one draft only', async () => {
    desk = await openTestDesk();
    await desk.drafts.put('officer-1', actionDraftKey('case-1', 'refused'), { a: '1' });
    await desk.drafts.put('officer-1', actionDraftKey('case-1', 'order-prepared'), { a: '2' });
    await desk.drafts.put('officer-1', actionDraftKey('case-2', 'refused'), { a: '3' });
    await desk.drafts.put('officer-1', 'pref:phone', '+7 701 000 00 00');
    await desk.drafts.put('officer-2', actionDraftKey('case-1', 'refused'), { a: '4' });
    expect((await desk.drafts.keys('officer-1', 'action:case-1:')).sort()).toEqual([
      'action:case-1:order-prepared',
      'action:case-1:refused',
    ]);
    await desk.drafts.remove('officer-1', actionDraftKey('case-1', 'refused'));
    expect(await desk.drafts.get('officer-1', actionDraftKey('case-1', 'refused'))).toBeUndefined();
    expect(await desk.drafts.get('officer-2', actionDraftKey('case-1', 'refused'))).toEqual({ a: '4' });
    expect(await desk.drafts.keys('officer-1')).toHaveLength(3);
  });

  it('is emptied with everything else by a demo reset', async () => {
    desk = await openTestDesk();
    await desk.drafts.put('officer-1', 'pref:phone', '+7 701 000 00 00');
    await desk.clearAll();
    expect(await desk.drafts.keys('officer-1')).toEqual([]);
  });
});
