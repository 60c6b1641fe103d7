export type Engine = "sqlite" | "postgresql" | "mysql";

export function engineOf(databaseUrl: string): Engine {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  if (/^(mysql|mariadb):\/\//.test(databaseUrl)) return "mysql";
  throw new Error(`Unsupported DATABASE_URL scheme: ${databaseUrl.split(":")[0]}`);
}

/** `file:./data/x.db` or `file:/abs/x.db` to a filesystem path. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}
