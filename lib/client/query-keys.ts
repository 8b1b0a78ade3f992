/** The signed-in user's key, shared by the whole dashboard. Each area's keys live beside its hooks
 *  (`components/<area>/query-keys.ts`); invalidating an area's `all` prefix refreshes all its lists. */
export const meKey = ["me"] as const;
