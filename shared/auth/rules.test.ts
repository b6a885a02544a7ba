import { describe, expect, it } from 'vitest';
import { checkChange, checkCreate, needsSetup } from './rules';
import { canEditSettings, caseRoleOf, validateProfile, type DeskUser, type UserRole } from './users';

function u(id: string, role: UserRole, extra: Partial<DeskUser> = {}): DeskUser {
  return {
    id,
    fullName: id,
    role,
    position: { kk: 'маман', ru: 'специалист' },
    active: true,
    hasSecret: true,
    demo: false,
    createdAt: '2026-11-24T05:00:00.000Z',
    createdBy: 'first-start',
    ...extra,
  };
}

const admin = u('admin', 'admin');
const head = u('head-1', 'head');
const officer = u('officer-1', 'officer');
const all = [admin, head, officer];

describe('who may manage users and settings', () => {
  it('is an active administrator or head, never an officer', () => {
    expect(checkCreate(admin)).toBeUndefined();
    expect(checkCreate(head)).toBeUndefined();
    expect(checkCreate(officer)).toBe('not-allowed');
    expect(checkCreate(u('old', 'admin', { active: false }))).toBe('not-allowed');
    expect(checkCreate(undefined)).toBe('not-allowed');
    expect([admin, head, officer].map(canEditSettings)).toEqual([true, true, false]);
  });

  it('acts on cases as officer or head; the administrator makes no case events', () => {
    expect(caseRoleOf('officer')).toBe('officer');
    expect(caseRoleOf('head')).toBe('head');
    expect(caseRoleOf('admin')).toBeNull();
  });
});

describe('changes to a user', () => {
  it('never let an officer make herself head, nor anyone change their own role or deactivate themselves', () => {
    expect(checkChange(officer, officer, { ...officer, role: 'head' }, all)).toBe('not-allowed');
    expect(checkChange(head, head, { ...head, role: 'admin' }, all)).toBe('own-role');
    expect(checkChange(admin, admin, { ...admin, role: 'officer' }, all)).toBe('own-role');
    expect(checkChange(admin, admin, { ...admin, active: false }, all)).toBe('own-role');
    expect(checkChange(admin, admin, { ...admin, fullName: 'New name' }, all)).toBeUndefined();
  });

  it('let a manager give roles to others', () => {
    expect(checkChange(admin, officer, { ...officer, role: 'head' }, all)).toBeUndefined();
    expect(checkChange(head, officer, { ...officer, active: false }, all)).toBeUndefined();
  });

  it('keep at least one active manager who can sign in', () => {
    const pair = [admin, head];
    expect(checkChange(admin, head, { ...head, active: false }, pair)).toBeUndefined();
    const alone = [admin, { ...head, active: false }, officer];
    const second = u('admin-2', 'admin');
    // admin-2 is the last one who can sign in once admin loses their secret or role.
    const withoutSecret = [{ ...admin, hasSecret: false }, second, officer];
    expect(checkChange(admin, second, { ...second, active: false }, withoutSecret)).toBe('last-manager');
    expect(checkChange(admin, second, { ...second, role: 'officer' }, withoutSecret)).toBe('last-manager');
    expect(checkChange(second, admin, { ...admin, role: 'officer' }, [...alone, second])).toBeUndefined();
  });

  it('says a desk needs its first administrator while no manager can sign in', () => {
    expect(needsSetup([])).toBe(true);
    expect(needsSetup([officer])).toBe(true);
    expect(needsSetup([{ ...head, hasSecret: false }, officer])).toBe(true);
    expect(needsSetup([{ ...admin, active: false }])).toBe(true);
    expect(needsSetup([head])).toBe(false);
  });
});

describe('validateProfile', () => {
  it('lowercases the login and names each problem by its field', () => {
    const ok = validateProfile({
      id: ' A.Ivanova ',
      fullName: ' Иванова ',
      role: 'officer',
      position: { kk: 'маман', ru: 'специалист' },
    });
    expect(ok).toEqual({
      ok: true,
      profile: {
        id: 'a.ivanova',
        fullName: 'Иванова',
        role: 'officer',
        position: { kk: 'маман', ru: 'специалист' },
      },
    });
    const bad = validateProfile({ id: 'a b', fullName: ' ', role: 'root', position: { kk: '', ru: 'x' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => `${i.path.join('.')}:${i.code}`).sort()).toEqual([
      'fullName:required',
      'id:login.format',
      'position.kk:required',
      'role:invalid',
    ]);
  });
});
