// Bulk writes straight to the driver. Prisma turns every parameter of a raw query into its own
// representation first, which for array parameters of thousands of values costs more than the
// insert itself; a lead import writes a million rows, so its batches use this instead. Everything
// else goes through Prisma.
import { finished } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { log } from "@/lib/api/log";

export type SqlResult<T> = { rows: T[]; rowCount: number };
export type SqlTransaction = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>>;
  /** `COPY … FROM STDIN` (text format) fed with `data`; resolves to the number of rows copied. */
  copyFrom(sql: string, data: Uint8Array): Promise<number>;
};
export type BulkSql = { transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>; close(): Promise<void> };

export function pgBulkSql(pool: Pool): BulkSql {
  // An idle client that loses its connection emits on the pool; without a listener that would crash.
  pool.on("error", (error) => log("warn", "db_pool_error", { error: error.message }));
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          query: async <T,>(text: string, params?: unknown[]) => {
            const r = await client.query(text, params);
            return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
          },
          copyFrom: async (sql, data) => {
            const stream = client.query(copyFromStdin(sql));
            stream.end(data);
            await finished(stream);
            return stream.rowCount;
          },
        });
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is broken: release(err) makes the pool drop it.
        const broken = await client.query("ROLLBACK").then(() => undefined, (rollbackError: Error) => rollbackError);
        client.release(broken);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

export function pgliteBulkSql(pglite: PGlite): BulkSql {
  return {
    transaction: (work) =>
      pglite.transaction((tx: Transaction) =>
        work({
          query: async <T,>(text: string, params?: unknown[]) => {
            const r = await tx.query<T>(text, params);
            return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
          },
          // PGlite reads COPY input from a Blob standing in for the file /dev/blob.
          copyFrom: async (sql, data) => {
            const r = await tx.query(sql.replace(/FROM STDIN/i, "FROM '/dev/blob'"), [], { blob: new Blob([new Uint8Array(data)]) });
            return r.affectedRows ?? 0;
          },
        }),
      ),
    close: async () => undefined, // the PGlite instance is closed with the Prisma client
  };
}
