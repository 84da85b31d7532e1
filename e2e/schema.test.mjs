// The JSON Schema (docs/salystyr-1.schema.json, run by ajv with ajv-formats) and the
// validator (`salystyr check -`, the dataset on standard input) give the same verdict,
// valid or invalid, on a table of crafted datasets: except for the differences that the
// schema's description and docs/FORMAT.md ("Checking a dataset") list, each of which is
// a named expectation here that must still hold (a row marked as differing that agrees
// fails too). Also: "blank", character by character, and random mutants of the seed
// dataset, where every disagreement must be one of the documented differences. No
// browser; builds the command.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const repo = new URL("..", import.meta.url).pathname;
const SCHEMA = JSON.parse(readFileSync(new URL("../docs/salystyr-1.schema.json", import.meta.url), "utf8"));
const FORMAT_MD = readFileSync(new URL("../docs/FORMAT.md", import.meta.url), "utf8");
const MAX_BYTES = 1 << 20;
// "Blank" as FORMAT.md defines it: White_Space, and the format characters (Cf) of the
// Basic Multilingual Plane that are default-ignorable (invisible). From the JavaScript
// engine's Unicode data, not from the schema, whose pattern is checked against it.
const BLANK = String.raw`[\p{White_Space}[\p{Cf}&&\p{Default_Ignorable_Code_Point}&&[\u0000-\uffff]]]`;

// Every difference between the two, in the order and the words of the schema's
// description ("(1) a field the format does not define") and FORMAT.md ("1. a field …").
// `schema` is the schema's verdict where the two differ; the validator says the other,
// and `warns` is the warning it gives instead of the schema's error.
const DIFFERS = {
  unknownField: {
    schema: "invalid",
    says: "a field the format does not define, a field of another kind included",
    warns: "Unknown field, ignored",
  },
  null: { schema: "invalid", says: "null in place of an optional field or a language" },
  blankAround: { schema: "invalid", says: "blank characters around an id or a date, or before a link" },
  partOverWhole: { schema: "valid", says: "a part larger than its whole" },
  duplicateId: { schema: "valid", says: "an id used twice" },
  brokenReference: { schema: "valid", says: "a `category`, `period` or `of` that names nothing in the dataset" },
  loop: { schema: "valid", says: "`of` chains that loop" },
  tooLarge: { schema: "valid", says: "more than 1 MiB" },
  loneSurrogate: { schema: "valid", says: "a lone surrogate escape" },
};

const t3 = (en, ru = en, kk = ru) => ({ kk, ru, en });
const base = () => ({
  format: "salystyr/1",
  id: "t",
  title: t3("Title", "Заголовок", "Тақырып"),
  source: { text: t3("Source", "Источник", "Дереккөз"), url: "https://example.org/a" },
  categories: [{ id: "c", label: t3("Category") }],
  periods: [{ id: "p", label: t3("Over the year"), before: t3("Then"), after: t3("Now") }],
  figures: [
    { id: "change", category: "c", kind: "change", period: "p", change: -49.3, label: t3("Murders"), wording: t3("halved") },
    { id: "count", category: "c", kind: "count", value: 94000, qualifier: "more-than", label: t3("events") },
    {
      id: "funnel",
      category: "c",
      kind: "funnel",
      label: t3("Reports"),
      steps: [
        { value: 100000, qualifier: "nearly", label: t3("reports") },
        { value: 72000, label: t3("orders") },
      ],
    },
    {
      id: "part",
      category: "c",
      kind: "part",
      of: "count",
      label: t3("Sites"),
      part: { value: 127, label: t3("of them") },
      whole: { value: 35000, qualifier: "more-than", label: t3("sites") },
    },
    { id: "milestone", category: "c", kind: "milestone", date: "2024-06-16", label: t3("The law"), points: [t3("Point")] },
    { id: "statement", category: "c", kind: "statement", label: t3("A fact"), note: t3("A note.") },
  ],
});
// The figure of a kind, from the base dataset.
const fig = (d, id) => d.figures.find((f) => f.id === id);
const only = (kind, edit = () => {}) => (d) => {
  d.figures = [fig(d, kind)];
  delete d.figures[0].of;
  edit(d.figures[0], d);
};
const many = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const statement = (i) => ({ id: `f${i}`, category: "c", kind: "statement", label: t3(`Fact ${i}`) });
// A raw JSON text: the base dataset with `from` replaced by `to` once.
const raw = (from, to) => {
  const text = JSON.stringify(base());
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
};
// The base dataset, padded with spaces after the object to exactly `bytes` bytes.
const padded = (bytes) => {
  const text = JSON.stringify(base());
  return text + " ".repeat(bytes - Buffer.byteLength(text));
};
// Too large for the validator, valid for the schema: 200 figures of 1000-letter labels.
const huge = (d) => {
  d.figures = many(200, (i) => ({ ...statement(i), label: t3("ж".repeat(1000)) }));
};

// name, then either `edit` (changes a copy of the base dataset) or `text` (the JSON
// text itself); `want`: the validator's verdict; `differs`: a key of DIFFERS.
const TABLE = [
  // Valid datasets, one of each kind.
  { name: "the base dataset, every kind", edit: () => {}, want: "valid" },
  ...["change", "count", "funnel", "part", "milestone", "statement"].map((kind) => ({
    name: `a ${kind} alone`,
    edit: only(kind),
    want: "valid",
  })),
  { name: "no period, no url, no optional field", edit: (d) => {
    delete d.periods;
    delete d.source.url;
    d.figures = [{ id: "f", category: "c", kind: "count", value: 5, label: t3("a") }];
  }, want: "valid" },
  { name: "periods: []", edit: only("count", (f, d) => (d.periods = [])), want: "valid" },
  { name: "points: []", edit: only("milestone", (f) => (f.points = [])), want: "valid" },
  { name: "a missing language (warning)", edit: (d) => (d.title = { ru: "Заголовок" }), want: "valid" },
  { name: "one language in every text", edit: (d) => (d.categories[0].label = { en: "C" }), want: "valid" },
  { name: "repeated key: the last value is used", text: raw('"value":94000', '"value":"x","value":94000'), want: "valid" },
  { name: "a number with an exponent", text: raw('"value":94000', '"value":9.4E4'), want: "valid" },
  { name: "spaces around a text", edit: (d) => (d.title.en = "  Title  "), want: "valid" },

  // Limits, at and over each edge.
  { name: "a text of 1000 characters", edit: (d) => (d.title.en = "x".repeat(1000)), want: "valid" },
  { name: "a text of 1000 Cyrillic letters (2000 bytes)", edit: (d) => (d.title.ru = "ж".repeat(1000)), want: "valid" },
  { name: "a text of 1001 characters", edit: (d) => (d.title.en = "x".repeat(1001)), want: "invalid" },
  { name: "a text of 1000 emoji (2000 UTF-16 units)", edit: (d) => (d.title.en = "😀".repeat(1000)), want: "valid" },
  { name: "a link of 1001 characters", edit: (d) => (d.source.url = "https://" + "a".repeat(993)), want: "invalid" },
  { name: "50 categories", edit: (d) => d.categories.push(...many(49, (i) => ({ id: `c${i}`, label: t3("C") }))), want: "valid" },
  { name: "51 categories", edit: (d) => d.categories.push(...many(50, (i) => ({ id: `c${i}`, label: t3("C") }))), want: "invalid" },
  { name: "50 periods", edit: (d) => d.periods.push(...many(49, (i) => ({ id: `p${i}`, label: t3("P") }))), want: "valid" },
  { name: "51 periods", edit: (d) => d.periods.push(...many(50, (i) => ({ id: `p${i}`, label: t3("P") }))), want: "invalid" },
  { name: "50 steps", edit: only("funnel", (f) => (f.steps = many(50, (i) => ({ value: 50 - i, label: t3("s") })))), want: "valid" },
  { name: "51 steps", edit: only("funnel", (f) => (f.steps = many(51, (i) => ({ value: 51 - i, label: t3("s") })))), want: "invalid" },
  { name: "steps: []", edit: only("funnel", (f) => (f.steps = [])), want: "invalid" },
  { name: "50 points", edit: only("milestone", (f) => (f.points = many(50, () => t3("p")))), want: "valid" },
  { name: "51 points", edit: only("milestone", (f) => (f.points = many(51, () => t3("p")))), want: "invalid" },
  { name: "200 figures", edit: (d) => (d.figures = many(200, statement)), want: "valid" },
  { name: "201 figures", edit: (d) => (d.figures = many(201, statement)), want: "invalid" },
  { name: "categories: []", edit: (d) => (d.categories = []), want: "invalid" },
  { name: "figures: []", edit: (d) => (d.figures = []), want: "invalid" },
  { name: "an id of 64 characters", edit: (d) => (d.id = "a".repeat(64)), want: "valid" },
  { name: "an id of 65 characters", edit: (d) => (d.id = "a".repeat(65)), want: "invalid" },
  { name: "a change of -100 and one of 100000", edit: (d) => {
    fig(d, "change").change = -100;
    d.figures.push({ ...fig(d, "change"), id: "up", change: 100000 });
  }, want: "valid" },
  { name: "a change of -100.5", edit: (d) => (fig(d, "change").change = -100.5), want: "invalid" },
  { name: "a change of 100001", edit: (d) => (fig(d, "change").change = 100001), want: "invalid" },
  { name: "values of 0 and 1e15", edit: (d) => {
    fig(d, "count").value = 1e15;
    fig(d, "funnel").steps[1].value = 0;
  }, want: "valid" },
  { name: "a value of -1", edit: (d) => (fig(d, "count").value = -1), want: "invalid" },
  { name: "a value over 1e15", edit: (d) => (fig(d, "count").value = 1e15 + 1), want: "invalid" },
  { name: "a value of 1e400 (infinite)", text: raw('"value":94000', '"value":1e400'), want: "invalid" },
  { name: "exactly 1 MiB", text: padded(MAX_BYTES), want: "valid" },

  // Types, enumerations and formats.
  { name: "a number in quotes", edit: (d) => (fig(d, "count").value = "94000"), want: "invalid" },
  { name: "a text that is a string", edit: (d) => (d.title = "Title"), want: "invalid" },
  { name: "a text without languages", edit: (d) => (d.title = {}), want: "invalid" },
  { name: "a text in another language only", edit: (d) => (d.title = { de: "Titel" }), want: "invalid" },
  { name: "an unknown kind", edit: (d) => (fig(d, "count").kind = "pie"), want: "invalid" },
  { name: "a kind in capitals", edit: (d) => (fig(d, "count").kind = "Count"), want: "invalid" },
  { name: "no kind", edit: (d) => delete fig(d, "count").kind, want: "invalid" },
  { name: "an unknown qualifier", edit: (d) => (fig(d, "count").qualifier = "roughly"), want: "invalid" },
  { name: "an id in capitals", edit: (d) => (d.id = "T"), want: "invalid" },
  { name: "an id starting with a hyphen", edit: (d) => (d.id = "-t"), want: "invalid" },
  { name: "an id with a space inside", edit: (d) => (d.id = "a b"), want: "invalid" },
  { name: "an id of digits", edit: (d) => (d.id = "2024"), want: "valid" },
  { name: "29 February of a leap year", edit: (d) => (fig(d, "milestone").date = "2024-02-29"), want: "valid" },
  { name: "29 February of another year", edit: (d) => (fig(d, "milestone").date = "2023-02-29"), want: "invalid" },
  { name: "a date without leading zeros", edit: (d) => (fig(d, "milestone").date = "2024-6-16"), want: "invalid" },
  { name: "a link that is not http(s)", edit: (d) => (d.source.url = "javascript:alert(1)"), want: "invalid" },
  { name: "a link in capitals", edit: (d) => (d.source.url = "HTTPS://example.org"), want: "invalid" },
  { name: "a link with a space after it", edit: (d) => (d.source.url = "https://example.org "), want: "valid" },
  { name: "another format", edit: (d) => (d.format = "salystyr/2"), want: "invalid" },
  { name: "no format", edit: (d) => delete d.format, want: "invalid" },
  { name: "no title", edit: (d) => delete d.title, want: "invalid" },
  { name: "a required field that is null", edit: (d) => (d.title = null), want: "invalid" },
  { name: "a step without its label", edit: (d) => delete fig(d, "funnel").steps[0].label, want: "invalid" },
  { name: "a part equal to its whole", edit: (d) => (fig(d, "part").part.value = 35000), want: "valid" },
  { name: "a list, not an object", text: "[1, 2]", want: "invalid" },
  { name: "not JSON: a trailing comma", text: JSON.stringify(base()).replace(/}$/, ",}"), want: "invalid" },
  { name: "not JSON: a leading zero", text: raw('"value":94000', '"value":094000'), want: "invalid" },
  { name: "not JSON: a byte order mark", text: "\ufeff" + JSON.stringify(base()), want: "invalid" },
  { name: "nested 70 deep (in a field the schema rejects anyway)", text: raw('"id":"t",', `"id":"t","x":${"[".repeat(70)}${"]".repeat(70)},`), want: "invalid" },
  { name: "a kind field on an unknown kind", edit: (d) => (fig(d, "change").kind = "pie"), want: "invalid" },

  // "Empty": every character blank (White_Space or an invisible format character).
  ...[
    ["spaces", "   "],
    ["U+0085 (next line)", "\u0085"],
    ["U+00A0 (no-break space)", "\u00a0"],
    ["U+FEFF (zero-width no-break space)", "\ufeff"],
    ["U+200B (zero-width space)", "\u200b"],
    ["U+2060 and U+00AD (word joiner, soft hyphen)", "\u2060\u00ad"],
    ["U+3000 and U+200D (ideographic space, joiner)", "\u3000\u200d"],
  ].map(([what, s]) => ({ name: `a text of only ${what}`, edit: (d) => (d.title.kk = s), want: "invalid" })),
  { name: "a text of U+200B around a letter", edit: (d) => (d.title.kk = "\u200bж\u200b"), want: "valid" },
  { name: "a text of only U+3164 (Hangul filler: a letter)", edit: (d) => (d.title.kk = "\u3164"), want: "valid" },
  { name: "an id of only U+200B", edit: (d) => (d.id = "\u200b"), want: "invalid" },

  // The documented differences.
  { name: "a $schema field", edit: (d) => (d.$schema = "https://example.org/s.json"), want: "valid", differs: "unknownField" },
  { name: "an unknown figure field", edit: (d) => (fig(d, "count").colour = "red"), want: "valid", differs: "unknownField" },
  { name: "a text in an extra language", edit: (d) => (d.title.de = "Titel"), want: "valid", differs: "unknownField" },
  { name: "qualifier on a change", edit: (d) => (fig(d, "change").qualifier = "roughly"), want: "valid", differs: "unknownField" },
  { name: "value on a change", edit: (d) => (fig(d, "change").value = 5), want: "valid", differs: "unknownField" },
  { name: "steps on a count", edit: (d) => (fig(d, "count").steps = "x"), want: "valid", differs: "unknownField" },
  { name: "qualifier on a funnel figure", edit: (d) => (fig(d, "funnel").qualifier = "about"), want: "valid", differs: "unknownField" },
  { name: "date on a statement", edit: (d) => (fig(d, "statement").date = "2024-01-01"), want: "valid", differs: "unknownField" },
  { name: "an optional field that is null", edit: (d) => (fig(d, "change").period = null), want: "valid", differs: "null" },
  { name: "a note that is null", edit: (d) => (fig(d, "statement").note = null), want: "valid", differs: "null" },
  { name: "a language that is null", edit: (d) => (d.title.kk = null), want: "valid", differs: "null" },
  { name: "periods: null", edit: only("count", (f, d) => (d.periods = null)), want: "valid", differs: "null" },
  { name: "repeated key, the last one null", text: raw('"value":94000', '"value":94000,"value":null'), want: "valid", differs: "null" },
  { name: "spaces around an id", edit: (d) => (d.id = " t "), want: "valid", differs: "blankAround" },
  { name: "U+FEFF before a category id", edit: (d) => (d.categories[0].id = "\ufeffc"), want: "valid", differs: "blankAround" },
  { name: "a space after a reference", edit: (d) => (fig(d, "count").category = "c "), want: "valid", differs: "blankAround" },
  { name: "a space after a date", edit: (d) => (fig(d, "milestone").date = "2024-06-16 "), want: "valid", differs: "blankAround" },
  { name: "a space before a link", edit: (d) => (d.source.url = " https://example.org"), want: "valid", differs: "blankAround" },
  { name: "a part larger than its whole", edit: (d) => (fig(d, "part").part.value = 35001), want: "invalid", differs: "partOverWhole" },
  { name: "a category id used twice", edit: (d) => d.categories.push({ id: "c", label: t3("C") }), want: "invalid", differs: "duplicateId" },
  { name: "a period id used twice", edit: (d) => d.periods.push({ id: "p", label: t3("P") }), want: "invalid", differs: "duplicateId" },
  { name: "a figure id used twice", edit: (d) => (fig(d, "count").id = "change"), want: "invalid", differs: "duplicateId" },
  { name: "no such category", edit: (d) => (fig(d, "count").category = "nope"), want: "invalid", differs: "brokenReference" },
  { name: "no such period", edit: (d) => (fig(d, "count").period = "nope"), want: "invalid", differs: "brokenReference" },
  { name: "no such figure in of", edit: (d) => (fig(d, "part").of = "nope"), want: "invalid", differs: "brokenReference" },
  { name: "a figure of itself", edit: (d) => (fig(d, "count").of = "count"), want: "invalid", differs: "loop" },
  { name: "A of B of A", edit: (d) => (fig(d, "count").of = "part"), want: "invalid", differs: "loop" },
  { name: "1 MiB and one byte", text: padded(MAX_BYTES + 1), want: "invalid", differs: "tooLarge" },
  { name: "200 figures of 1000-letter labels (1.2 MB)", edit: huge, want: "invalid", differs: "tooLarge" },
  { name: "a lone high surrogate", text: raw('"Title"', '"Title \\ud800"'), want: "invalid", differs: "loneSurrogate" },
  { name: "a lone low surrogate", text: raw('"Title"', '"\\udc00"'), want: "invalid", differs: "loneSurrogate" },
];

const opposite = (verdict) => (verdict === "valid" ? "invalid" : "valid");

let salystyr, validate;
before(() => {
  // The command as `cargo test` and the developer build it; wherever the target dir is.
  const messages = execFileSync(
    "cargo",
    ["build", "--quiet", "--bin", "salystyr", "--message-format=json-render-diagnostics"],
    { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  salystyr = messages
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target.name === "salystyr" && m.executable)?.executable;
  assert.ok(salystyr, "cargo built the salystyr command");
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  validate = ajv.compile(SCHEMA);
});

// The validator's verdict and its messages.
function check(text) {
  const run = spawnSync(salystyr, ["check", "-"], { input: text, encoding: "utf8", maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `check - exited ${run.status}: ${run.stderr}`);
  assert.equal(run.stdout, `-: ${run.status === 0 ? "valid" : "invalid"}\n`);
  return { verdict: run.status === 0 ? "valid" : "invalid", messages: run.stderr };
}

// The schema's verdict; a text JSON.parse refuses is invalid for any schema tool.
function schema(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { verdict: "invalid", errors: "not JSON for JSON.parse" };
  }
  const ok = validate(value);
  return { verdict: ok ? "valid" : "invalid", errors: ajvErrors(validate.errors) };
}

const ajvErrors = (errors) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).slice(0, 8).join("; ");

const textOf = (row) => {
  if (row.text !== undefined) return row.text;
  const d = base();
  row.edit(d);
  return JSON.stringify(d);
};

test("the table is at least 45 datasets and uses every documented difference", () => {
  assert.ok(TABLE.length >= 45, `${TABLE.length} rows`);
  assert.equal(new Set(TABLE.map((r) => r.name)).size, TABLE.length, "row names are unique");
  for (const key of Object.keys(DIFFERS)) {
    assert.ok(TABLE.some((r) => r.differs === key), `no row shows the difference ${key}`);
  }
  for (const row of TABLE) {
    assert.ok(!row.differs || DIFFERS[row.differs], `${row.name}: unknown difference ${row.differs}`);
  }
});

for (const row of TABLE) {
  const label = row.differs ? `${row.name} (differs: ${DIFFERS[row.differs].says})` : row.name;
  test(`schema and validator: ${label}`, () => {
    const text = textOf(row);
    const v = check(text);
    const s = schema(text);
    assert.equal(v.verdict, row.want, `the validator says ${v.verdict}:\n${v.messages}`);
    if (row.differs) {
      const want = DIFFERS[row.differs].schema;
      assert.equal(
        s.verdict,
        want,
        `documented as a difference (${row.differs}), but the schema agrees with the validator: ${s.errors}`,
      );
      assert.equal(want, opposite(row.want), `${row.differs}: the schema's verdict is the other one`);
      const warns = DIFFERS[row.differs].warns;
      if (warns) assert.match(v.messages, new RegExp(`^-: warning: [^\n]*: ${warns}$`, "m"), v.messages);
    } else {
      assert.equal(s.verdict, row.want, `the schema says ${s.verdict}, the validator ${v.verdict}: ${s.errors}\n${v.messages}`);
    }
  });
}

test("the schema's description and FORMAT.md list exactly the differences of the table", () => {
  const flat = (s) => s.replace(/\s+/g, " ");
  const description = flat(SCHEMA.description);
  const start = FORMAT_MD.indexOf("## Checking a dataset");
  const section = FORMAT_MD.slice(start, FORMAT_MD.indexOf("\n## ", start + 1));
  const keys = Object.keys(DIFFERS);
  keys.forEach((key, i) => {
    const says = DIFFERS[key].says;
    assert.ok(description.includes(`(${i + 1}) ${says}`), `the schema's description lacks (${i + 1}) ${says}`);
    assert.ok(flat(section).includes(`${i + 1}. ${says}`), `FORMAT.md lacks ${i + 1}. ${says}`);
  });
  assert.ok(!description.includes(`(${keys.length + 1})`), "the description lists more differences");
  assert.ok(!new RegExp(`^\\s*${keys.length + 1}\\. `, "m").test(section), "FORMAT.md lists more differences");
});

test("blank characters: the schema's pattern, the validator and the definition agree", () => {
  // Candidates: every control, space, format and default-ignorable character of the BMP.
  const candidates = [];
  for (let c = 0; c <= 0xffff; c++) {
    const s = String.fromCharCode(c);
    if (c >= 0xd800 && c < 0xe000) continue;
    if (/[\p{Cc}\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\s]/u.test(s)) candidates.push(s);
  }
  assert.ok(candidates.length <= 200, `${candidates.length} candidates: more than a dataset's figures`);
  const d = base();
  d.figures = candidates.map((s, i) => ({ ...statement(i), label: { en: s } }));
  const text = JSON.stringify(d);
  const hex = (s) => "U+" + s.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  const byValidator = new Set(
    [...check(text).messages.matchAll(/figures\[(\d+)\]\.label\.en: Must not be empty/g)].map((m) => hex(candidates[+m[1]])),
  );
  validate(JSON.parse(text));
  const bySchema = new Set(
    (validate.errors ?? [])
      .filter((e) => e.keyword === "pattern" || e.keyword === "minLength")
      .map((e) => hex(candidates[+e.instancePath.split("/")[2]])),
  );
  const byDefinition = new Set(candidates.filter((s) => new RegExp(`^${BLANK}$`, "v").test(s)).map(hex));
  assert.deepEqual([...bySchema].sort(), [...byDefinition].sort(), "the schema's pattern and the definition");
  assert.deepEqual([...byValidator].sort(), [...byDefinition].sort(), "the validator and the definition");
});

// xorshift32, seeded from SCHEMA_FUZZ_SEED or the clock (printed, to replay a failure).
function rng(seed) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return { below: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)] };
}

const VALUES = [
  null, "", " ", "\u200b", "\u0085", "\ufeff", "\u00a0x", "x", "Ж ж", " x ", 0, -1, 3.5, -100, 100000, 100001,
  1e15, 1e16, true, {}, [], { en: "x" }, { kk: null, ru: "x" }, { de: "x" }, "2024-02-29", "2023-02-29", " 2024-06-16",
  "https://x", " https://x", "javascript:x", "nearly", "more-than", "roughly", "women", " women", "five-years",
  "women-murder", "women-rights", "law-2024", "Women", "change", "count", "funnel", "part", "milestone", "statement",
];
const KEYS = [
  "kk", "ru", "en", "de", "value", "qualifier", "change", "steps", "points", "date", "wording", "part", "whole",
  "of", "period", "note", "url", "colour", "$schema", "label", "id", "kind", "category", "before",
];

// Every value of a JSON tree, with its parent and key.
function nodes(value, parent = null, key = null, out = []) {
  out.push({ value, parent, key });
  if (value && typeof value === "object") {
    for (const k of Object.keys(value)) nodes(value[k], value, Array.isArray(value) ? +k : k, out);
  }
  return out;
}

function mutant(r, data) {
  const d = structuredClone(data);
  for (let n = 1 + r.below(3); n > 0; n--) {
    const all = nodes(d);
    const at = r.pick(all);
    const copy = () => structuredClone(r.pick(all).value);
    switch (r.below(6)) {
      case 0: // replace a value
      case 1:
        if (at.parent) at.parent[at.key] = r.below(5) ? structuredClone(r.pick(VALUES)) : copy();
        break;
      case 2: // drop a field or an entry
        if (Array.isArray(at.parent)) at.parent.splice(at.key, 1);
        else if (at.parent) delete at.parent[at.key];
        break;
      case 3: // add a field
        if (at.value && typeof at.value === "object" && !Array.isArray(at.value)) {
          at.value[r.pick(KEYS)] = r.below(3) ? structuredClone(r.pick(VALUES)) : copy();
        }
        break;
      case 4: // repeat an entry, or empty a list
        if (Array.isArray(at.value) && at.value.length) {
          if (r.below(4)) at.value.push(structuredClone(r.pick(at.value)));
          else at.value.length = 0;
        }
        break;
      default: // the kind of a figure
        if (d.figures?.length) {
          const f = r.pick(d.figures);
          if (f && typeof f === "object") f.kind = r.pick(["change", "count", "funnel", "part", "milestone", "statement"]);
        }
    }
  }
  let text = JSON.stringify(d);
  // Now and then a lone surrogate in a text, the one difference of the JSON itself.
  if (r.below(40) === 0) text = text.replace('"Murders"', '"Murders \\udc00"');
  return text;
}

// A JSON Pointer as the validator writes paths: /figures/0/label -> figures[0].label.
const pathOf = (pointer, key) =>
  [...pointer.split("/").slice(1), ...(key === undefined ? [] : [key])]
    .map((s) => String(s).replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join("");

const BLANK_RUN = new RegExp(`^${BLANK}+|${BLANK}+$`, "gv");
const trimBlank = (s) => s.replace(BLANK_RUN, "");

// The fields the schema's `then` defines for a kind of figure.
const kindFields = (kind) =>
  Object.keys(SCHEMA.$defs.figure.allOf.find((c) => c.if.properties.kind.const === kind)?.then.properties ?? {});

// Why the schema rejects what the validator accepts, as DIFFERS keys; null if some
// error of the schema is none of them.
function stricter(errors, warnings) {
  const why = new Set();
  for (const e of errors) {
    if (e.keyword === "if") continue; // comes with the error of its `then`
    if (e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") {
      const key = e.params.additionalProperty ?? e.params.unevaluatedProperty;
      // When a figure's kind's `then` fails, each of its fields, valid or not, counts as
      // unevaluated too: that follows from the error below, not from an unknown field.
      const thenFailed = errors.some((o) => o.keyword === "if" && o.instancePath === e.instancePath);
      if (thenFailed && kindFields(e.data?.kind).includes(key)) continue;
      const path = pathOf(e.instancePath, key);
      if (!warnings.includes(`${path}: Unknown field, ignored`)) return null;
      why.add("unknownField");
    } else if (e.data === null) {
      why.add("null");
    } else if (
      /^#\/\$defs\/(id|date|source\/properties\/url)\//.test(e.schemaPath) &&
      typeof e.data === "string" &&
      trimBlank(e.data) !== e.data &&
      trimBlank(e.data) !== ""
    ) {
      why.add("blankAround");
    } else {
      return null;
    }
  }
  return why;
}

// Why the validator rejects what the schema accepts, as DIFFERS keys; null if some error
// of the validator is none of them.
function looser(errors, text) {
  const why = new Set();
  const kinds = [
    [/The part is larger than the whole$/, "partOverWhole"],
    [/The id “.*” is used twice$/, "duplicateId"],
    [/There is no (category|period|figure) “.*”$/, "brokenReference"],
    [/refer to each other in a loop through “.*”$/, "loop"],
    [/^Too large: /, "tooLarge"],
  ];
  for (const e of errors) {
    const kind = kinds.find(([re]) => re.test(e))?.[1];
    if (kind) why.add(kind);
    else if (/^Not valid JSON/.test(e) && /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(text)) why.add("loneSurrogate");
    else return null;
  }
  return why;
}

test("random mutants of the seed: every disagreement is a documented difference", (t) => {
  const seed = +(process.env.SCHEMA_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const count = +(process.env.SCHEMA_FUZZ_COUNT ?? 400);
  t.diagnostic(`SCHEMA_FUZZ_SEED=${seed} SCHEMA_FUZZ_COUNT=${count}`);
  const r = rng(seed);
  const data = JSON.parse(readFileSync(new URL("../data/seed.json", import.meta.url), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "salystyr-schema-"));
  try {
    const files = Array.from({ length: count }, (_, i) => {
      const file = join(dir, `m${i}.json`);
      writeFileSync(file, mutant(r, data));
      return file;
    });
    // One run over every file: one verdict line per file, issues prefixed by the file.
    const run = spawnSync(salystyr, ["check", ...files], { encoding: "utf8", maxBuffer: 256 << 20 });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const verdicts = run.stdout.trim().split("\n");
    assert.equal(verdicts.length, files.length);
    const tally = { agree: 0, valid: 0 };
    const seen = {};
    for (const [i, file] of files.entries()) {
      const text = readFileSync(file, "utf8");
      const v = verdicts[i].slice(file.length + 2);
      const issues = (severity) =>
        run.stderr
          .split("\n")
          .filter((l) => l.startsWith(`${file}: ${severity}: `))
          .map((l) => l.slice(`${file}: ${severity}: `.length));
      const s = schema(text);
      if (v === "valid") tally.valid++;
      if (v === s.verdict) {
        tally.agree++;
        continue;
      }
      let value;
      try {
        value = JSON.parse(text);
      } catch {}
      const why =
        v === "valid"
          ? value !== undefined && (validate(value), stricter(validate.errors, issues("warning")))
          : looser(issues("error"), text);
      assert.ok(
        why && why.size > 0 && [...why].every((k) => DIFFERS[k].schema === s.verdict),
        `SCHEMA_FUZZ_SEED=${seed}: mutant ${i}: the validator says ${v}, the schema ${s.verdict}, ` +
          `and that is no documented difference.\nschema: ${s.errors}\nvalidator: ${issues("error").concat(issues("warning")).join("; ")}\n${text}`,
      );
      for (const k of why) seen[k] = (seen[k] ?? 0) + 1;
    }
    t.diagnostic(
      `${count} mutants, ${tally.valid} valid for the validator, ${tally.agree} with the same verdict; ` +
        `differences: ${JSON.stringify(seen)}`,
    );
    // Enough of both verdicts that the comparison means something.
    assert.ok(tally.valid >= count / 20 && tally.valid <= count * 0.9, `${tally.valid} of ${count} valid`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
