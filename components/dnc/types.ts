// The do-not-call area's wire shapes, from the server's zod schemas (response schemas in
// lib/dnc/operations.ts, the request schema the route validates with). Only client-side state (list
// filters) is written here.
import type { dncEntryResponse, dncImportResponse } from "@/lib/dnc/operations";
import type { DNC_SOURCES, createDncSchema } from "@/lib/dnc/schemas";
import type { z } from "zod";

export type DncSource = (typeof DNC_SOURCES)[number];

export type DncEntry = z.output<typeof dncEntryResponse>;

export type DncListFilters = { search?: string; source?: DncSource; page: number; limit: number };
export type AddDncBody = z.input<typeof createDncSchema>;
export type DncImportResult = z.output<typeof dncImportResponse>;
