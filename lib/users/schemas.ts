import { z } from "@/lib/zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/permissions";

// Shared by the forms, the server actions and the command-line tools.

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024),
  /** The second factor: a six-digit code from the authenticator app, or a recovery code. */
  code: z.string().trim().max(64).optional().transform((v) => (v ? v : undefined)),
});

const secondFactorCode = z.string().trim().min(1, "Enter the code from your authenticator app.").max(64);

export const confirmTwoFactorSchema = z.object({ code: secondFactorCode });

export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(1024),
  code: secondFactorCode,
});

export const revokeSessionSchema = z.object({ sessionId: z.uuid({ error: "Unknown session." }) });

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().min(1, "Enter your name.").max(120),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter the person's name.").max(120),
  role: roleSchema,
  teamIds: z.array(z.uuid()).min(1, "Choose at least one team."),
});

export const updateUserSchema = z.object({
  userId: z.uuid(),
  role: roleSchema,
  teamIds: z.array(z.uuid()).min(1, "Choose at least one team."),
  licenceNumber: z.string().trim().max(40).nullish().transform((v) => v || null),
});

export const teamNameSchema = z.string().trim().min(1, "Enter a team name.").max(80, "Use at most 80 characters.");

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "Use 1–48 lowercase letters, digits and hyphens.");

export const createFirmSchema = z.object({
  name: z.string().trim().min(1, "Enter the firm's name.").max(120),
  slug: slugSchema,
  ownerEmail: emailSchema,
  ownerName: z.string().trim().min(1).max(120).optional(),
  teams: z.array(teamNameSchema).min(1).default(["Main"]),
});
