/**
 * The desk's own user directory over IndexedDB: the local implementation of `UserDirectory`
 * (shared/auth/directory.ts). Secrets are hashed before any transaction opens (WebCrypto work
 * cannot run inside an IndexedDB transaction, which would commit while it waits); the rules are
 * checked inside the transaction against what is stored then, so two windows cannot together
 * remove the last manager. No secret, hash or personal data goes to a log or an error.
 */
import {
  checkChange,
  checkCreate,
  makeCredential,
  needsRehash,
  needsSetup,
  retryAfterMs,
  secretIssue,
  validateProfile,
  verifyCredential,
  withFailure,
  type DeskUser,
  type DirectoryRefusal,
  type DirectoryResult,
  type UserChanges,
  type UserDirectory,
  type UserProfile,
  type VerifyResult,
} from '../../../../shared/auth';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import type { UserRecord } from './users-records';

/** A user as the central system lists them (shared/api ServerUser): no secret, roles as given. */
export interface CentralUser {
  id: string;
  fullName: string;
  role: UserProfile['role'];
  position: { kk: string; ru: string };
  active: boolean;
}

export interface UserRepository extends UserDirectory {
  /** Tells the subscribers that every user may have changed (after the desk was emptied). */
  announceReload(): void;
  /**
   * After enrolment the central system's list replaces the desk's (issue 9): each listed user's
   * name, role, position and active flag are the server's; secrets stay per desk (a user the desk
   * already had keeps hers, a new one gets hers from a manager here). A local user the server does
   * not list is deactivated (kept: the history names her), unless that would leave the desk with
   * no active manager who can sign in. One transaction; returns whether anything changed.
   */
  replaceFromCentral(users: readonly CentralUser[]): Promise<boolean>;
}

export interface UserRepositoryOptions {
  /** The clock of the growing delay (tests move it). */
  now?: () => number;
}

const ROLE_ORDER = { admin: 0, head: 1, officer: 2 } as const;

export function toDeskUser(record: UserRecord): DeskUser {
  return {
    id: record.id,
    fullName: record.fullName,
    role: record.role,
    position: { ...record.position },
    active: record.active,
    hasSecret: record.credential !== null,
    demo: record.demo === true,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

function byRoleThenName(a: DeskUser, b: DeskUser): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.fullName.localeCompare(b.fullName, 'kk');
}

const refused = (refusal: DirectoryRefusal) => ({ ok: false, refusal }) as const;

export function createUserRepository(db: DeskDatabase, options: UserRepositoryOptions = {}): UserRepository {
  const now = options.now ?? Date.now;
  const feed = new ChangeFeed<void>();
  const all = async () => (await db.users.toArray()).map(toDeskUser);
  const find = async (id: string) => {
    const record = await db.users.get(id);
    return record ? toDeskUser(record) : undefined;
  };

  /**
   * One change of a stored user, checked by the shared rules against the users as stored now.
   * `change` returns the new record (or issues); the secret's credential, if any, was made before.
   */
  async function changeUser(
    by: string,
    userId: string,
    change: (record: UserRecord) => UserRecord | { issues: DirectoryResult<never> },
  ): Promise<DirectoryResult<DeskUser>> {
    const result = await guarded(() =>
      db.transaction('rw', db.users, async (): Promise<DirectoryResult<DeskUser>> => {
        const before = await db.users.get(userId);
        if (!before) return refused('unknown-user');
        const next = change(before);
        if ('issues' in next) return next.issues;
        const users = await all();
        const refusal = checkChange(
          users.find((u) => u.id === by),
          toDeskUser(before),
          toDeskUser(next),
          users,
        );
        if (refusal) return refused(refusal);
        await db.users.put(next);
        return { ok: true, value: toDeskUser(next) };
      }),
    );
    if (result.ok) feed.emit();
    return result;
  }

  /** Validates a profile and a secret, and hashes the secret; or says what is wrong. */
  async function prepare(
    input: unknown,
    secret: string,
  ): Promise<
    { profile: UserProfile; credential: UserRecord['credential'] } | { failed: DirectoryResult<never> }
  > {
    const checked = validateProfile(input);
    if (!checked.ok) return { failed: { ok: false, issues: checked.issues } };
    const issue = secretIssue(secret, { login: checked.profile.id });
    if (issue) return { failed: { ok: false, secret: issue } };
    return { profile: checked.profile, credential: await makeCredential(secret) };
  }

  function recordOf(
    profile: UserProfile,
    credential: UserRecord['credential'],
    createdBy: string,
    demo = false,
  ): UserRecord {
    return {
      ...profile,
      credential,
      active: true,
      createdAt: new Date(now()).toISOString(),
      createdBy,
      ...(demo ? { demo: true as const } : {}),
    };
  }

  async function insert(
    records: UserRecord[],
    allowed: (users: DeskUser[]) => DirectoryRefusal | undefined,
  ): Promise<DirectoryResult<DeskUser[]>> {
    const result = await guarded(() =>
      db.transaction('rw', db.users, async (): Promise<DirectoryResult<DeskUser[]>> => {
        const users = await all();
        const refusal = allowed(users);
        if (refusal) return refused(refusal);
        if (records.some((r) => users.some((u) => u.id === r.id)))
          return { ok: false, issues: [{ path: ['id'], code: 'login.taken' }] };
        await db.users.bulkAdd(records);
        return { ok: true, value: records.map(toDeskUser) };
      }),
    );
    if (result.ok) feed.emit();
    return result;
  }

  const one = (result: DirectoryResult<DeskUser[]>): DirectoryResult<DeskUser> =>
    result.ok ? { ok: true, value: result.value[0]! } : result;

  return {
    list: () => guarded(async () => (await all()).sort(byRoleThenName)),

    async verify(userId, secret): Promise<VerifyResult> {
      const record = await guarded(() => db.users.get(userId));
      if (!record) return { ok: false, reason: 'unknown-user', retryAfterMs: 0 };
      if (!record.active) return { ok: false, reason: 'inactive', retryAfterMs: 0 };
      if (!record.credential) return { ok: false, reason: 'no-secret', retryAfterMs: 0 };
      const wait = retryAfterMs(record.failures, now());
      // While the delay runs the secret is not even looked at: a guess costs the same as no guess.
      if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
      const good = await verifyCredential(secret, record.credential);
      const rehashed = good && needsRehash(record.credential) ? await makeCredential(secret) : undefined;
      const failures = await guarded(() =>
        db.transaction('rw', db.users, async () => {
          const fresh = await db.users.get(userId);
          if (!fresh) return undefined;
          const { failures: previous, ...rest } = fresh;
          if (good) {
            if (previous || rehashed)
              await db.users.put({ ...rest, credential: rehashed ?? rest.credential });
            return undefined;
          }
          const next = withFailure(previous, now());
          await db.users.put({ ...rest, failures: next });
          return next;
        }),
      );
      if (good) return { ok: true, user: toDeskUser(record) };
      return { ok: false, reason: 'wrong-secret', retryAfterMs: retryAfterMs(failures, now()) };
    },

    async create(by, input, secret) {
      // Refused before any hashing: an officer's attempt costs nothing and reveals nothing.
      if (checkCreate(await guarded(() => find(by)))) return refused('not-allowed');
      const prepared = await prepare(input, secret);
      if ('failed' in prepared) return prepared.failed;
      const record = recordOf(prepared.profile, prepared.credential, by);
      return one(await insert([record], (users) => checkCreate(users.find((u) => u.id === by))));
    },

    update: (by, userId, changes: UserChanges) =>
      changeUser(by, userId, (before) => {
        const checked = validateProfile({
          id: before.id,
          fullName: changes.fullName ?? before.fullName,
          role: changes.role ?? before.role,
          position: changes.position ?? before.position,
        });
        if (!checked.ok) return { issues: { ok: false, issues: checked.issues } };
        return { ...before, ...checked.profile, active: changes.active ?? before.active };
      }),

    async setSecret(by, userId, secret) {
      const issue = secretIssue(secret, { login: userId });
      if (issue) return { ok: false, secret: issue };
      if (checkCreate(await guarded(() => find(by)))) return refused('not-allowed');
      const credential = await makeCredential(secret);
      // A new secret also ends any delay the old one had collected.
      return changeUser(by, userId, ({ failures: _cleared, ...before }) => ({ ...before, credential }));
    },

    deactivate: (by, userId) => changeUser(by, userId, (before) => ({ ...before, active: false })),

    needsSetup: () => guarded(async () => needsSetup(await all())),

    async createAdministrator(input, secret) {
      const prepared = await prepare({ ...(input as object), role: 'admin' }, secret);
      if ('failed' in prepared) return prepared.failed;
      const record = recordOf(prepared.profile, prepared.credential, 'first-start');
      return one(await insert([record], (users) => (needsSetup(users) ? undefined : 'already-set-up')));
    },

    async createDemoUsers(demoUsers) {
      const records: UserRecord[] = [];
      for (const { profile, pin } of demoUsers) {
        const prepared = await prepare(profile, pin);
        if ('failed' in prepared) return prepared.failed;
        records.push(recordOf(prepared.profile, prepared.credential, 'demo', true));
      }
      return insert(records, (users) => (users.length === 0 ? undefined : 'already-set-up'));
    },

    async replaceFromCentral(central) {
      const at = new Date(now()).toISOString();
      const changed = await guarded(() =>
        db.transaction('rw', db.users, async () => {
          const stored = new Map((await db.users.toArray()).map((r) => [r.id, r]));
          const listed = new Set(central.map((u) => u.id));
          const next: UserRecord[] = central.map((u) => {
            const before = stored.get(u.id);
            const profile = {
              fullName: u.fullName,
              role: u.role,
              position: { ...u.position },
              active: u.active,
            };
            if (before) return { ...before, ...profile };
            return { id: u.id, ...profile, credential: null, createdAt: at, createdBy: 'central' };
          });
          const others = [...stored.values()].filter((r) => !listed.has(r.id));
          const withoutOthers = [...next, ...others.map((r) => ({ ...r, active: false }))];
          // Never lock the desk: if nobody listed can manage it and sign in here, the local ones stay.
          const after = needsSetup(withoutOthers.map(toDeskUser)) ? [...next, ...others] : withoutOthers;
          const differs = after.filter((r) => JSON.stringify(r) !== JSON.stringify(stored.get(r.id)));
          if (differs.length > 0) await db.users.bulkPut(differs);
          return differs.length > 0;
        }),
      );
      if (changed) feed.emit();
      return changed;
    },

    onChange: (listener) => feed.subscribe(() => listener()),
    announceReload: () => feed.emit(),
  };
}
