// Which database the app uses, decided from the environment in one place.
import path from "node:path";

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string };

/** Folder for the embedded database and the generated dev secret (git-ignored). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.VOCELIO_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

export function databaseConfig(): DatabaseConfig {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dir: path.join(dataDir(), "pglite") };
}
