//! A bounded mutation fuzzer for parsing, validation and rendering: random edits of the
//! seed dataset and of small valid ones, plus random JSON, must never panic, and must keep
//! these properties. What does not validate has issues worded in kk, ru and en, each with
//! a path unless it is about the whole document, errors first. What validates renders
//! (server-side, every language) with every figure, describes itself, exports one CSV
//! record per table row (plus the header and the source), and draws a picture that is
//! well-formed XML with every mark inside the page. The share of valid mutants stays in
//! a band, so that the fuzzer keeps exercising both branches. (The JSON Schema's verdict
//! on mutants is compared with the validator's in `e2e/schema.test.mjs`, which has a
//! JSON Schema validator.)
//!
//! Runs for `FUZZ_SECONDS` (default 8) with a seed from `FUZZ_SEED` (default: the
//! clock, printed so that a failure can be replayed). No nightly toolchain needed.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use salystyr::i18n;
use salystyr::model::{self, Dataset, Expected, Issue, Lang, Problem, Severity, SEED_JSON};
use salystyr::picture::{self, Mark};

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-",
    "0",
    "1e309",
    "-100",
    "1e15",
    "NaN",
    "\"kind\"",
    "\"change\"",
    "\"count\"",
    "\"funnel\"",
    "\"part\"",
    "\"milestone\"",
    "\"statement\"",
    "\"of\"",
    "\"period\"",
    "\"value\"",
    "\"qualifier\"",
    "\"more-than\"",
    "\"steps\":[]",
    "\"points\":[]",
    "\"kk\"",
    "\u{0}",
    "\u{1F600}",
    "қ",
    "<script>",
    "\\u0000",
    "\\ud800",
    "99999999999999999999",
    "0.0000001",
    "\"2024-02-29\"",
    "\"women-murder\"",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(6) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(40)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => s.splice(at..at, rng.pick(TOKENS).chars()).for_each(drop),
            2 if !s.is_empty() => {
                // Duplicate a slice somewhere else: repeated keys, nested copies.
                let from = rng.below(s.len());
                let len = rng.below(200).min(s.len() - from);
                let copy: Vec<char> = s[from..from + len].to_vec();
                let at = at.min(s.len());
                s.splice(at..at, copy).for_each(drop);
            }
            3 if at < s.len() => s[at] = char::from_u32(rng.below(0x500) as u32).unwrap_or('x'),
            4 => {
                // Replace a number with an extreme one.
                if let Some(pos) = s[at.min(s.len())..].iter().position(|c| c.is_ascii_digit()) {
                    let p = at + pos;
                    s.splice(
                        p..p + 1,
                        rng.pick(&["-1", "1e300", "0", "-0", "100001", "3.5"])
                            .chars(),
                    )
                    .for_each(drop);
                }
            }
            _ => {}
        }
    }
    s.into_iter().collect()
}

fn random_json(rng: &mut Rng, depth: usize) -> String {
    match if depth > 6 {
        rng.below(4)
    } else {
        rng.below(7)
    } {
        0 => "null".into(),
        1 => format!("{}", rng.next() as i64 as f64 / 1e3),
        2 => format!("\"{}\"", rng.pick(TOKENS).replace('"', "")),
        3 => rng
            .pick(&["true", "false", "\"salystyr/1\"", "\"kk\""])
            .into(),
        4 | 5 => {
            let n = rng.below(5);
            let items: Vec<String> = (0..n).map(|_| random_json(rng, depth + 1)).collect();
            format!("[{}]", items.join(","))
        }
        _ => {
            let keys = [
                "format",
                "id",
                "title",
                "source",
                "categories",
                "figures",
                "kind",
                "kk",
                "label",
                "value",
            ];
            let n = rng.below(6);
            let fields: Vec<String> = (0..n)
                .map(|_| {
                    format!(
                        "\"{}\":{}",
                        keys[rng.below(keys.len())],
                        random_json(rng, depth + 1)
                    )
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        }
    }
}

/// Checks the issues of a dataset: the errors of one that did not validate (then its
/// warnings), or the warnings of one that did.
fn check_issues(issues: &[Issue], valid: bool) -> Result<(), String> {
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    if valid != (errors == 0) {
        return Err(format!("valid: {valid}, with {errors} errors"));
    }
    // Errors first, then warnings.
    if let Some(w) = issues
        .windows(2)
        .find(|w| w[0].severity == Severity::Warning && w[1].severity == Severity::Error)
    {
        return Err(format!("a warning before an error: {w:?}"));
    }
    for issue in issues {
        let whole = matches!(
            issue.problem,
            Problem::Syntax { .. } | Problem::TooDeep { .. } | Problem::TooLarge { .. }
        ) || (issue.problem == Problem::WrongType(Expected::Object)
            && issue.path.is_empty());
        // The one other empty path: an unknown field whose key is "" at the top level.
        let empty_key = issue.problem == Problem::UnknownField;
        if whole != issue.path.is_empty() && !(empty_key && issue.path.is_empty()) {
            return Err(format!(
                "a path only where the issue is not about the whole document: {issue:?}"
            ));
        }
        if whole && issues.len() > 1 {
            return Err(format!("a whole-document problem comes alone: {issues:?}"));
        }
        let words = Lang::ALL.map(|lang| i18n::problem(&issue.problem, lang));
        let lines = Lang::ALL.map(|lang| i18n::issue(issue, lang));
        for (lang, (w, line)) in Lang::ALL.iter().zip(words.iter().zip(&lines)) {
            if w.trim().is_empty()
                || !line.ends_with(w.as_str())
                || !line.starts_with(issue.path.as_str())
            {
                return Err(format!("{issue:?} is not worded in {lang:?}: {line:?}"));
            }
        }
        if words[0] == words[1] || words[1] == words[2] || words[0] == words[2] {
            return Err(format!(
                "{issue:?} reads the same in two languages: {words:?}"
            ));
        }
    }
    Ok(())
}

/// The records of a CSV text and the fields of each, quotes respected (a field may hold
/// a line break).
fn csv_records(csv: &str) -> Vec<usize> {
    let (mut records, mut fields, mut quoted) = (Vec::new(), 1, false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields += 1,
            '\r' if !quoted && chars.peek() == Some(&'\n') => {
                chars.next();
                records.push(fields);
                fields = 1;
            }
            _ => {}
        }
    }
    records
}

/// The characters XML 1.0 allows in a document, escaped or not.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Whether `xml` is a well-formed XML document (without a prolog, as `picture::svg`
/// writes it): only characters XML allows; one root element; every tag closed, in
/// order; attributes quoted, once each; `<` only in tags; `&` only in a reference to one
/// of the five predefined entities or to a character.
fn well_formed(xml: &str) -> Result<(), String> {
    let allowed = xml_char;
    if let Some(c) = xml.chars().find(|&c| !allowed(c)) {
        return Err(format!("U+{:04X} cannot appear in XML", c as u32));
    }
    let references = |s: &str| -> Result<(), String> {
        for (i, _) in s.match_indices('&') {
            let rest = &s[i + 1..];
            let end = rest.find(';').ok_or("& without ;")?;
            let name = &rest[..end];
            let code = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else if ["amp", "lt", "gt", "quot", "apos"].contains(&name) {
                Some(0x20)
            } else {
                None
            };
            if !code.and_then(char::from_u32).is_some_and(allowed) {
                return Err(format!("&{name}; is not a reference XML knows"));
            }
        }
        Ok(())
    };
    let name_len = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.')))
            .unwrap_or(s.len())
    };
    let space = |s: &str| s.len() - s.trim_start_matches([' ', '\t', '\n', '\r']).len();
    let (mut open, mut roots, mut rest) = (Vec::new(), 0, xml);
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix("</") {
            let n = name_len(tag);
            let name = &tag[..n];
            if open.pop() != Some(name) || !tag[n..].starts_with('>') {
                return Err(format!("</{name}> closes no open element"));
            }
            rest = &tag[n + 1..];
        } else if let Some(tag) = rest.strip_prefix('<') {
            let n = name_len(tag);
            if n == 0 {
                return Err(format!(
                    "< starts no tag: {}",
                    tag.chars().take(20).collect::<String>()
                ));
            }
            if open.is_empty() {
                roots += 1;
            }
            let (name, mut at, mut attributes) = (&tag[..n], &tag[n..], Vec::new());
            loop {
                let gap = space(at);
                at = &at[gap..];
                if let Some(after) = at.strip_prefix("/>") {
                    rest = after;
                    break;
                }
                if let Some(after) = at.strip_prefix('>') {
                    open.push(name);
                    rest = after;
                    break;
                }
                let a = name_len(at);
                if gap == 0 || a == 0 || attributes.contains(&&at[..a]) {
                    return Err(format!(
                        "a bad attribute in <{name}: {}",
                        at.chars().take(30).collect::<String>()
                    ));
                }
                attributes.push(&at[..a]);
                let value = at[a..].strip_prefix('=').ok_or("an attribute without =")?;
                let quote = value
                    .chars()
                    .next()
                    .filter(|q| *q == '"' || *q == '\'')
                    .ok_or("an attribute value without quotes")?;
                let end = value[1..]
                    .find(quote)
                    .ok_or("an attribute value not closed")?;
                let text = &value[1..1 + end];
                if text.contains('<') {
                    return Err("< in an attribute value".into());
                }
                references(text)?;
                at = &value[end + 2..];
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if open.is_empty() && !text.trim().is_empty() {
                return Err("text outside the root element".into());
            }
            references(text)?;
            rest = &rest[end..];
        }
    }
    match (open.last(), roots) {
        (None, 1) => Ok(()),
        (Some(name), _) => Err(format!("<{name}> is not closed")),
        (None, n) => Err(format!("{n} root elements")),
    }
}

#[test]
fn the_xml_check_finds_what_is_not_well_formed() {
    let good = [
        "<svg a=\"1\" b='2'><text>x &amp; &#1078;&#x436;</text><rect/></svg>",
        "<svg xml:lang=\"kk\"><title>a &gt; b</title></svg>",
    ];
    for xml in good {
        assert_eq!(well_formed(xml), Ok(()), "{xml}");
    }
    let bad = [
        "<svg><text>x</svg>",
        "<svg></svg><svg></svg>",
        "<svg>",
        "<svg x=1></svg>",
        "<svg x=\"1\"x=\"2\"></svg>",
        "<svg x=\"1\" x=\"2\"></svg>",
        "<svg>a < b</svg>",
        "<svg>&nbsp;</svg>",
        "<svg>&amp</svg>",
        "<svg>\u{0}</svg>",
        "<svg>&#0;</svg>",
        "<svg>\u{fffe}</svg>",
        "<svg a=\"<\"/>",
        "x<svg/>",
    ];
    for xml in bad {
        assert!(well_formed(xml).is_err(), "{xml}");
    }
}

/// Checks every property of a dataset that validated, in `lang`.
fn check_valid(d: &Dataset, lang: Lang) -> Result<(), String> {
    let all: Vec<String> = d.categories.iter().map(|c| c.id.clone()).collect();
    // CSV: the header, one record per row of the table, the source.
    let csv = salystyr::table::csv(d, &all, lang);
    if !csv.starts_with('\u{feff}') {
        return Err("the CSV has no byte order mark".into());
    }
    let records = csv_records(&csv);
    let rows = salystyr::table::rows(d, &all, lang).len();
    let source = if d.source.url.is_some() { 2 } else { 1 };
    let mut want = vec![8; rows + 1];
    want.push(source);
    if records != want {
        return Err(format!(
            "CSV records (fields each) {records:?}, expected {want:?}"
        ));
    }
    for f in &d.figures {
        if salystyr::describe::figure(d, f, lang).trim().is_empty() {
            return Err(format!("no text alternative for {}", f.id));
        }
    }
    // The picture: well-formed, every mark inside the page on all four sides.
    let p = picture::picture(d, &all, lang);
    well_formed(&picture::svg(&p))?;
    for m in &p.marks {
        let (left, top, right, bottom) = bounds(m);
        if left < 0 || top < 0 || right > p.width as i64 || bottom > p.height as i64 {
            return Err(format!("{m:?} is off the {}×{} page", p.width, p.height));
        }
    }
    Ok(())
}

/// Left, top, right and bottom of a mark, without the clamping of `Mark::extent` (a
/// text anchored at its end and wider than its `x` starts left of the page). A text
/// reaches from its baseline one font size up.
fn bounds(m: &Mark) -> (i64, i64, i64, i64) {
    match m {
        Mark::Text(t) => {
            let w = picture::text_width(&t.text, t.size, t.bold) as i64;
            let (x, y) = (t.x as i64, t.y as i64);
            let left = if t.end { x - w } else { x };
            (left, y - t.size as i64, left + w, y)
        }
        Mark::Rect { x, y, w, h, .. } => {
            let (x, y) = (*x as i64, *y as i64);
            (x, y, x + *w as i64, y + *h as i64)
        }
        Mark::Dot { x, y, r, .. } => {
            let (x, y, r) = (*x as i64, *y as i64, *r as i64);
            (x - r, y - r, x + r, y + r)
        }
    }
}

/// The rendered page shows every figure (all categories on) in `lang`.
fn check_html(d: &Rc<Dataset>, lang: Lang) -> Result<(), String> {
    let html = salystyr::cli::html(d.clone(), lang, None);
    if !html.contains(&format!("lang=\"{}\"", lang.code())) {
        return Err(format!("the page is not in {lang:?}"));
    }
    match d
        .figures
        .iter()
        .find(|f| !html.contains(&format!("data-figure=\"{}\"", f.id)))
    {
        Some(f) => Err(format!("figure {} is not on the page", f.id)),
        None => Ok(()),
    }
}

#[test]
fn parsing_validation_and_rendering_never_panic() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("FUZZ_SEED={seed} FUZZ_SECONDS={seconds}");
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut valid) = (0u64, 0u64);
    while Instant::now() < deadline {
        let text = match rng.below(10) {
            0..=6 => mutate(&mut rng, SEED_JSON),
            7 | 8 => random_json(&mut rng, 0),
            _ => {
                let base = random_json(&mut rng, 0);
                mutate(&mut rng, &base)
            }
        };
        runs += 1;
        let fail = |why: String| -> ! {
            panic!("FUZZ_SEED={seed}: {why}\ninput: {text}");
        };
        match model::parse(&text) {
            Err(issues) => check_issues(&issues, false).unwrap_or_else(|why| fail(why)),
            Ok(parsed) => {
                valid += 1;
                check_issues(&parsed.warnings, true).unwrap_or_else(|why| fail(why));
                for lang in Lang::ALL {
                    check_valid(&parsed.dataset, lang).unwrap_or_else(|why| fail(why));
                }
                // Rendering every valid variant is slow; render one in eight.
                if valid % 8 == 1 {
                    let d = Rc::new(parsed.dataset);
                    for lang in Lang::ALL {
                        check_html(&d, lang).unwrap_or_else(|why| fail(why));
                    }
                }
            }
        }
    }
    let share = valid as f64 / runs as f64;
    println!("{runs} inputs, {valid} valid ({:.1} %)", share * 100.0);
    assert!(runs > 100, "the fuzzer ran only {runs} inputs");
    // About 17 %: far less and the rendering checks starve, far more and the mutations
    // stopped breaking things.
    assert!(
        (0.08..=0.35).contains(&share),
        "FUZZ_SEED={seed}: {:.1} % of the inputs were valid, expected 8 to 35 %",
        share * 100.0
    );
}
