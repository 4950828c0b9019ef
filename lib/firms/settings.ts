/**
 * The firm's settings (issue 13): one zod schema for the settings form, its server action and the
 * data layer, and the logo checks. Pure: no framework, no database.
 */
import { isTimeZone } from "@/lib/dates/time-zone";
import { DRAW_KINDS } from "@/lib/draws/kinds";
import { z } from "@/lib/zod";

export const MAX_LOGO_BYTES = 512 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const intIn = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : Number(v)), z.int({ error: `${label} must be a whole number.` }).min(min, `${label}: from ${min} to ${max}.`).max(max, `${label}: from ${min} to ${max}.`));

export const firmSettingsSchema = z.object({
  timeZone: z.string().trim().refine(isTimeZone, { error: "Not a known IANA time zone (e.g. America/Toronto)." }),
  nearMissMargin: intIn("Near-miss margin", 0, 100),
  documentBufferMonths: intIn("Document buffer", 0, 24),
  /** Empty: every kind. Hidden kinds stay in the ledger but leave the dashboard. */
  followedDrawKinds: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(DRAW_KINDS, { error: "Unknown draw kind." }))),
  pdfFirmName: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(120, "At most 120 characters.").nullable()),
  removeLogo: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
  /** Owners and admins must sign in with a second factor (an unticked box sends nothing: off). */
  requireTwoFactor: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
});
export type FirmSettingsInput = z.infer<typeof firmSettingsSchema>;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The logo's real type from its first bytes (the browser's declared type and the file name are
 * not trusted), or a message for the `logo` field.
 */
export function checkLogo(bytes: Uint8Array): { ok: true; type: LogoType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "The logo file is empty." };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: `The logo is ${Math.ceil(bytes.length / 1024)} KB; at most 512 KB.` };
  if (startsWith(bytes, PNG)) return { ok: true, type: "image/png" };
  if (startsWith(bytes, JPEG)) return { ok: true, type: "image/jpeg" };
  return { ok: false, message: "The logo must be a PNG or JPEG image." };
}
