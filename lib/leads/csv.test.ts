import { describe, expect, it } from "vitest";
import { CsvParser, type CsvSkip } from "@/lib/leads/csv";

function parse(chunks: (string | Buffer)[], delimiter = ",") {
  const records: [number, string[]][] = [];
  const skips: CsvSkip[] = [];
  const parser = new CsvParser(delimiter, (cells, line) => records.push([line, cells]), (skip) => skips.push(skip));
  for (const chunk of chunks) parser.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  parser.end();
  return { records, skips };
}

/** Every way of cutting `text` in two must read the same as the whole. */
function expectChunkingInvariant(text: string, delimiter = ",") {
  const whole = parse([text], delimiter);
  const bytes = Buffer.from(text);
  for (let cut = 0; cut <= bytes.length; cut++) {
    expect(parse([bytes.subarray(0, cut), bytes.subarray(cut)], delimiter), `cut at byte ${cut}`).toEqual(whole);
  }
  return whole;
}

describe("CsvParser", () => {
  it("reads fields, quoted delimiters, doubled quotes and quoted line breaks", () => {
    const { records, skips } = expectChunkingInvariant('a,b,c\n1,"x, y","say ""hi"""\n2,"line one\r\nline two",\n');
    expect(skips).toEqual([]);
    expect(records).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["1", "x, y", 'say "hi"']],
      [3, ["2", "line one\r\nline two", ""]],
    ]);
  });

  it("strips a BOM, accepts CRLF, lone CR and a missing final line end, and skips blank lines", () => {
    const { records } = expectChunkingInvariant("\uFEFFphone;name\r\n\r\n;;\r\n1;Ann\r2;Bob\n\n3;Cy", ";");
    expect(records).toEqual([
      [1, ["phone", "name"]],
      [2, ["1", "Ann"]],
      [3, ["2", "Bob"]],
      [4, ["3", "Cy"]],
    ]);
  });

  it("keeps stray quotes inside unquoted fields and multi-byte characters split across chunks", () => {
    const { records } = expectChunkingInvariant('name,height\nBob O"Neil,5\'11"\nZoë Ångström,東京\n');
    expect(records[1]).toEqual([2, ["Bob O\"Neil", "5'11\""]]);
    expect(records[2]).toEqual([3, ["Zoë Ångström", "東京"]]);
  });

  it("keeps stray quotes inside quoted fields and spaces after a closing quote, as sloppy exports write them", () => {
    const { records, skips } = expectChunkingInvariant('name,phone\n"Height 5\'11" approx",2125550100\n"Smith" ,2125550101\nAnn,2125550102\n');
    expect(skips).toEqual([]);
    expect(records).toEqual([
      [1, ["name", "phone"]],
      [2, ["Height 5'11\" approx", "2125550100"]],
      [3, ["Smith", "2125550101"]],
      [4, ["Ann", "2125550102"]],
    ]);
  });

  it("reports a quote never closed as one unreadable row, with its number", () => {
    const { records, skips } = expectChunkingInvariant('a,b\n1,ok\n2,"never closed\n3,lost\n');
    expect(records).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "ok"]],
    ]);
    expect(skips).toEqual([{ line: 3, reason: "Unreadable CSV row: Quote Not Closed" }]);
  });

  it("reports an over-long record without holding it, then reads on", () => {
    const long = "x".repeat(150_000);
    const { records, skips } = parse(["a\n", `"${long.slice(0, 70_000)}`, `${long.slice(70_000)}"\n`, "after\n"]);
    expect(skips).toEqual([{ line: 2, reason: "Unreadable CSV row: Max Record Size" }]);
    expect(records).toEqual([
      [1, ["a"]],
      [3, ["after"]],
    ]);
  });

  it("reads tab-separated files", () => {
    expect(parse(["a\tb\n1\t\"2\t3\"\n"], "\t").records).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2\t3"]],
    ]);
  });
});
