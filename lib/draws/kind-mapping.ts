/**
 * What a platform administrator submits to fix an unrecognised draw name: map it to a kind that
 * exists, or create a new category kind for it. Shared by the admin screen's action and the
 * `draws:map-kind` command.
 */
import { z } from "@/lib/zod";
import { categoryCodeSchema } from "@/lib/clients/schema";

const name = z.string().trim().min(1, "Give the draw name as IRCC wrote it.").max(300);

export const drawKindMappingSchema = z.discriminatedUnion("target", [
  z.object({
    target: z.literal("existing"),
    name,
    /** A built-in kind or a category created earlier; checked against the database. */
    kind: z.string().trim().min(1, "Choose a kind."),
  }),
  z.object({
    target: z.literal("new"),
    name,
    code: categoryCodeSchema,
    label: z.string().trim().min(2, "Give the category a label of at least 2 characters.").max(80),
  }),
]);
export type DrawKindMappingInput = z.infer<typeof drawKindMappingSchema>;
