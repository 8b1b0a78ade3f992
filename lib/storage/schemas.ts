import { z } from "zod";

export const objectKeyParams = z.object({ key: z.array(z.string().min(1)).min(1).max(32) });

export const signedObjectQuery = z.object({
  expires: z.string().regex(/^\d{1,12}$/, "Must be a Unix time in seconds").transform(Number),
  signature: z.string().min(1).max(128),
  filename: z.string().min(1).max(255).optional(),
});
export type SignedObjectQuery = z.infer<typeof signedObjectQuery>;
