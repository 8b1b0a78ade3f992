// Where an import's uploaded CSV lives in object storage while its job runs (any instance reads it).
export const IMPORT_OBJECT_PREFIX = "imports/";

export function importObjectKey(importId: string): string {
  return `${IMPORT_OBJECT_PREFIX}${importId}.csv`;
}
