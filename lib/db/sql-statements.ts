// Splits a migration script into statements. @prisma/adapter-pg runs a script by splitting it on
// every ";", which breaks any statement that contains one — a function body between $$ quotes, a
// string literal, a comment. This splitter knows those, so migrations may define functions and
// triggers.
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    if (c === "-" && script[i + 1] === "-") {
      const end = script.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && script[i + 1] === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" && (script[i - 1] === "E" || script[i - 1] === "e") && !/[A-Za-z0-9_]/.test(script[i - 2] ?? "")) {
      // E'…' strings: a backslash escapes the next character.
      let j = i + 1;
      while (j < n && script[j] !== "'") j += script[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped one: the scan simply continues past it.
      let j = i + 1;
      while (j < n && script[j] !== c) j += 1;
      i = j + 1;
    } else if (c === "$") {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else i += 1;
    } else if (c === ";") {
      statements.push(script.slice(start, i));
      i += 1;
      start = i;
    } else i += 1;
  }
  statements.push(script.slice(start));
  // Drop what is only comments and whitespace.
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() !== "");
}
