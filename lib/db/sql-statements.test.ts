import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "@/lib/db/sql-statements";

describe("splitSqlStatements", () => {
  it("splits on semicolons outside quotes, dollar-quoted bodies and comments", () => {
    const script = `-- a comment; not a split
CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine');
/* block; comment */
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM t WHERE id = OLD.id;
  RETURN OLD;
END;
$$;
CREATE TRIGGER t AFTER DELETE ON a FOR EACH ROW EXECUTE FUNCTION f();
-- trailing comment only
`;
    const statements = splitSqlStatements(script);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toContain(`'it''s; fine'`);
    expect(statements[1]).toMatch(/^\/\* block; comment \*\/\nCREATE FUNCTION[\s\S]*RETURN OLD;\nEND;\n\$\$$/);
    expect(statements[2]).toBe("CREATE TRIGGER t AFTER DELETE ON a FOR EACH ROW EXECUTE FUNCTION f()");
  });

  it("keeps tagged dollar quotes whole", () => {
    expect(splitSqlStatements("SELECT $body$ a; b $body$; SELECT 1")).toEqual(["SELECT $body$ a; b $body$", "SELECT 1"]);
  });
});

describe("splitSqlStatements, less common quoting", () => {
  it("handles tags with digits and backslash escapes in E strings", () => {
    expect(splitSqlStatements("SELECT $fn1$ a; b $fn1$; SELECT E'it\\'s; fine'; SELECT 2")).toEqual([
      "SELECT $fn1$ a; b $fn1$",
      "SELECT E'it\\'s; fine'",
      "SELECT 2",
    ]);
  });
});
