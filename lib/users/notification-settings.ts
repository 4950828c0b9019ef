/**
 * Notification settings: shared by the settings page's forms, its server actions and lib/db.
 * A user's own digest preferences, and (owners and admins) which draw kinds notify the firm.
 */
import { z } from "@/lib/zod";
import { DRAW_KINDS } from "@/lib/draws/kinds";

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const myNotificationSettingsSchema = z.object({
  digestEnabled: checkbox,
  digestNearMisses: checkbox,
});
export type MyNotificationSettings = z.infer<typeof myNotificationSettingsSchema>;

/** Empty means every kind notifies. */
export const firmNotifyKindsSchema = z.object({
  notifyKinds: z.array(z.enum(DRAW_KINDS, { message: "Unknown draw kind." })).max(DRAW_KINDS.length),
});
export type FirmNotifyKinds = z.infer<typeof firmNotifyKindsSchema>;
