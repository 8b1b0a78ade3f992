import { methods, route } from "@/lib/api/handler";
import { importDncCsv, MAX_DNC_IMPORT_BYTES } from "@/lib/dnc/import-dnc-csv";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "dnc.manage", multipart: { fileField: "file", maxFileBytes: MAX_DNC_IMPORT_BYTES } }, ({ ctx, file }) =>
    importDncCsv(ctx, file),
  ),
});
