/** Enrolment of a desk, its device token, revocation, and the akimat's users as the server holds them. */
import { z } from 'zod';
import { USER_ROLES } from '../auth/users';
import { timestampSchema } from '../workflow/schemas';

/** One-time enrolment code as the administrator reads it out: 4 groups of 4 (Crockford base32, no I L O U). */
export const enrolmentCodeSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
  .meta({ id: 'EnrolmentCode', description: 'e.g. 7KQ2-M9XD-40RT-JH3C; one use, for one officer.' });

const bilingual = z.strictObject({ kk: z.string(), ru: z.string() }).meta({ id: 'Bilingual' });

export const serverUserSchema = z
  .strictObject({
    /** The login, also the userId in case events. */
    id: z.string(),
    fullName: z.string(),
    role: z.enum(USER_ROLES),
    position: bilingual,
    active: z.boolean(),
  })
  .meta({
    id: 'User',
    description: 'A user of the akimat as the server holds it. No secret: those stay per desk.',
  });
export type ServerUser = z.infer<typeof serverUserSchema>;

export const usersAnswerSchema = z
  .strictObject({ users: z.array(serverUserSchema), serverTime: timestampSchema })
  .meta({ id: 'Users' });

export const akimatSchema = z.strictObject({ id: z.string(), name: bilingual }).meta({ id: 'Akimat' });

export const enrolmentRequestSchema = z
  .strictObject({
    code: enrolmentCodeSchema,
    /** What the officer calls this computer, shown to the administrator in the device list. */
    deviceName: z.string().trim().min(1).max(100),
  })
  .meta({ id: 'EnrolmentRequest' });
export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;

export const enrolmentAnswerSchema = z
  .strictObject({
    deviceId: z.string(),
    /** The device token: keep it in the OS key store; send it as `Authorization: Bearer <token>`. */
    token: z.string(),
    user: serverUserSchema,
    akimat: akimatSchema,
    serverTime: timestampSchema,
  })
  .meta({ id: 'EnrolmentAnswer' });
export type EnrolmentAnswer = z.infer<typeof enrolmentAnswerSchema>;

export const deviceSchema = z
  .strictObject({
    deviceId: z.string(),
    userId: z.string().nullable(),
    kind: z.enum(['desk', 'monitoring', 'admin']),
    name: z.string(),
    enrolledAt: timestampSchema,
    lastSeenAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof deviceSchema>;

export const devicesAnswerSchema = z.strictObject({ devices: z.array(deviceSchema) }).meta({ id: 'Devices' });

export const revokeAnswerSchema = z
  .strictObject({ deviceId: z.string(), revokedAt: timestampSchema })
  .meta({ id: 'RevokeAnswer' });

export const deviceParamsSchema = z.strictObject({ deviceId: z.string().min(1).max(100) });

export const issueCodeRequestSchema = z
  .strictObject({
    userId: z.string().min(1).max(64),
    /** Needed only with the operator's admin key when the server holds several akimats. */
    akimatId: z.string().min(1).max(64).optional(),
    /** How long the code may be used; 72 hours at most. */
    validHours: z.int().min(1).max(72).default(24),
  })
  .meta({ id: 'IssueCodeRequest' });

export const issueCodeAnswerSchema = z
  .strictObject({ code: enrolmentCodeSchema, userId: z.string(), expiresAt: timestampSchema })
  .meta({ id: 'IssueCodeAnswer' });
export type IssueCodeAnswer = z.infer<typeof issueCodeAnswerSchema>;
