//! A table of broken datasets: each must fail (or warn) with the expected paths and
//! messages, in English and in the reader's languages.

use salystyr::i18n;
use salystyr::model::{self, Issue, Lang, Severity, MAX_BYTES, MAX_FIGURES};

fn lines(issues: &[Issue], lang: Lang) -> Vec<String> {
    issues.iter().map(|i| i18n::issue(i, lang)).collect()
}

fn errors(text: &str) -> Vec<String> {
    match model::parse(text) {
        Ok(_) => vec!["(valid)".into()],
        Err(issues) => lines(
            &issues
                .into_iter()
                .filter(|i| i.severity == Severity::Error)
                .collect::<Vec<_>>(),
            Lang::En,
        ),
    }
}

const MINIMAL: &str = r#"{"format":"salystyr/1","id":"t","title":{"kk":"Т","ru":"Т","en":"T"},
"source":{"text":{"kk":"С","ru":"С","en":"S"}},
"categories":[{"id":"c","label":{"kk":"К","ru":"К","en":"C"}}],
"figures":[{"id":"f","category":"c","kind":"count","value":5,"label":{"kk":"а","ru":"а","en":"a"}}]}"#;

#[test]
fn minimal_dataset_is_valid() {
    assert_eq!(errors(MINIMAL), vec!["(valid)"]);
}

#[test]
fn bad_datasets_name_the_path_and_the_reason() {
    let m = |from: &str, to: &str| MINIMAL.replacen(from, to, 1);
    let table: Vec<(String, Vec<&str>)> = vec![
        ("".into(), vec!["Not valid JSON (line 1, column 1)"]),
        ("{\"format\": \"salystyr/1\",".into(), vec!["Not valid JSON (line 1, column 25)"]),
        ("[1, 2]".into(), vec!["Must be an object"]),
        ("{}".into(), vec![
            "categories: Required, but missing",
            "figures: Required, but missing",
            "format: Required, but missing",
            "id: Required, but missing",
            "source: Required, but missing",
            "title: Required, but missing",
        ]),
        (m("salystyr/1", "salystyr/2"), vec!["format: Unsupported format “salystyr/2”: expected “salystyr/1”"]),
        (m("\"value\":5", "\"value\":\"5\""), vec!["figures[0].value: Must be a number"]),
        (m("\"value\":5", "\"value\":-5"), vec!["figures[0].value: Out of range: must be from 0 to 1,000,000,000,000,000"]),
        (m("\"value\":5", "\"value\":1e400"), vec!["figures[0].value: Out of range: must be from 0 to 1,000,000,000,000,000"]),
        (m("\"kind\":\"count\",\"value\":5", "\"kind\":\"change\",\"change\":-150"), vec!["figures[0].change: Out of range: must be from -100 to 100,000"]),
        (m("\"kind\":\"count\"", "\"kind\":\"pie\""), vec!["figures[0].kind: Unknown kind “pie”: use change, count, funnel, part, milestone or statement"]),
        (m("\"value\":5", "\"value\":5,\"qualifier\":\"roughly\""), vec!["figures[0].qualifier: Unknown qualifier “roughly”: use nearly, about, more-than or less-than"]),
        (m("\"category\":\"c\"", "\"category\":\"d\""), vec!["figures[0].category: There is no category “d”"]),
        (m("\"category\":\"c\"", "\"category\":\"c\",\"period\":\"y\""), vec!["figures[0].period: There is no period “y”"]),
        (m("\"category\":\"c\"", "\"category\":\"c\",\"of\":\"g\""), vec!["figures[0].of: There is no figure “g”"]),
        (m("\"category\":\"c\"", "\"category\":\"c\",\"of\":\"f\""), vec!["figures[0].of: Figures refer to each other in a loop through “f”"]),
        (m("\"id\":\"f\"", "\"id\":\"F 1\""), vec!["figures[0].id: Invalid id “F 1”: use lowercase Latin letters, digits and hyphens"]),
        (m("\"figures\":[{", "\"figures\":[{\"id\":\"f\",\"category\":\"c\",\"kind\":\"statement\",\"label\":{\"en\":\"x\"}},{"), vec!["figures[1].id: The id “f” is used twice"]),
        (m("\"figures\":[", "\"figures\":[]}").split("]}").next().unwrap().to_string() + "]}", vec!["figures: Must not be empty"]),
        (m("{\"kk\":\"а\",\"ru\":\"а\",\"en\":\"a\"}", "{}"), vec!["figures[0].label: Required, but missing"]),
        (m("{\"kk\":\"а\",\"ru\":\"а\",\"en\":\"a\"}", "{\"kk\":\"  \"}"), vec!["figures[0].label.kk: Must not be empty"]),
        (m("{\"kk\":\"а\",\"ru\":\"а\",\"en\":\"a\"}", "\"a\""), vec!["figures[0].label: Must be an object"]),
        (m("\"kind\":\"count\",\"value\":5", "\"kind\":\"part\",\"part\":{\"value\":9,\"label\":{\"en\":\"p\"}},\"whole\":{\"value\":3,\"label\":{\"en\":\"w\"}}"), vec!["figures[0].part: The part is larger than the whole"]),
        (m("\"kind\":\"count\",\"value\":5", "\"kind\":\"milestone\",\"date\":\"2024-02-30\""), vec!["figures[0].date: Invalid date “2024-02-30”: use YYYY-MM-DD"]),
        (m("\"kind\":\"count\",\"value\":5", "\"kind\":\"funnel\",\"steps\":[{\"value\":1}]"), vec!["figures[0].steps[0].label: Required, but missing"]),
        (m("{\"kk\":\"С\",\"ru\":\"С\",\"en\":\"S\"}}", "{\"en\":\"S\"},\"url\":\"javascript:alert(1)\"}"), vec!["source.url: Invalid link “javascript:alert(1)”: it must start with https:// or http://"]),
        ("[".repeat(200), vec!["Nested too deeply: at most 64 levels"]),
        (" ".repeat(MAX_BYTES + 1), vec![&*Box::leak(format!("Too large: {} bytes, at most {} allowed", "1,048,577", "1,048,576").into_boxed_str())]),
        // Several errors at once, each with its own path.
        (m("\"value\":5", "\"value\":\"x\"").replacen("\"category\":\"c\"", "\"category\":\"z\"", 1), vec!["figures[0].category: There is no category “z”", "figures[0].value: Must be a number"]),
    ];
    for (text, want) in &table {
        let mut got = errors(text);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "dataset: {}", &text[..text.len().min(120)]);
    }
}

#[test]
fn ten_thousand_figures_are_refused_with_a_count() {
    let figure = r#"{"id":"f","category":"c","kind":"statement","label":{"en":"x"}}"#;
    let many = vec![figure; 10_000].join(",");
    let text = MINIMAL.replacen(
        r#"[{"id":"f","category":"c","kind":"count","value":5,"label":{"kk":"а","ru":"а","en":"a"}}]"#,
        &format!("[{many}]"),
        1,
    );
    assert_eq!(
        errors(&text),
        vec![format!(
            "figures: Too many entries: 10,000, at most {MAX_FIGURES} allowed"
        )]
    );
}

#[test]
fn warnings_do_not_stop_a_dataset() {
    let text = MINIMAL
        .replacen(
            "\"kind\":\"count\"",
            "\"kind\":\"count\",\"colour\":\"red\"",
            1,
        )
        .replacen(
            "{\"kk\":\"а\",\"ru\":\"а\",\"en\":\"a\"}",
            "{\"en\":\"a\"}",
            1,
        );
    let parsed = model::parse(&text).expect("warnings only");
    let mut got = lines(&parsed.warnings, Lang::En);
    got.sort();
    assert_eq!(
        got,
        vec![
            "figures[0].colour: Unknown field, ignored",
            "figures[0].label.kk: No Kazakh text: another language is shown instead",
            "figures[0].label.ru: No Russian text: another language is shown instead",
        ]
    );
    let label = &parsed.dataset.figures[0].label;
    assert_eq!((label.kk.as_str(), label.ru.as_str()), ("a", "a"));
    assert_eq!(
        lines(&parsed.warnings[0..1], Lang::Kk),
        vec![
            "figures[0].label.kk: Мәтіннің қазақша нұсқасы жоқ: орнына басқа тілдегісі көрсетіледі"
        ]
    );
}

#[test]
fn messages_exist_in_the_readers_languages() {
    let text = MINIMAL.replacen("\"value\":5", "\"value\":\"5\"", 1);
    let issues = model::parse(&text).unwrap_err();
    assert_eq!(
        lines(&issues, Lang::Ru),
        vec!["figures[0].value: Здесь должно быть: число"]
    );
    assert_eq!(
        lines(&issues, Lang::Kk),
        vec!["figures[0].value: Мұнда сан болуы керек"]
    );
}

#[test]
fn html_in_labels_is_kept_as_text() {
    let text = MINIMAL.replacen(
        "\"en\":\"a\"",
        "\"en\":\"<script>alert(1)</script><img src=x onerror=alert(2)>\"",
        1,
    );
    let d = model::parse(&text).unwrap().dataset;
    assert_eq!(
        d.figures[0].label.en,
        "<script>alert(1)</script><img src=x onerror=alert(2)>"
    );
    let html = salystyr::cli::html(std::rc::Rc::new(d), Lang::En, None);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// Every issue of a dataset (errors first, then warnings), in English, sorted within each
/// severity; "(valid)" first when it loads.
fn issues(text: &str) -> Vec<String> {
    let (valid, issues) = match model::parse(text) {
        Ok(parsed) => (true, parsed.warnings),
        Err(issues) => (false, issues),
    };
    let mut out: Vec<String> = valid.then(|| "(valid)".to_string()).into_iter().collect();
    for severity in [Severity::Error, Severity::Warning] {
        let mut some: Vec<String> = issues
            .iter()
            .filter(|i| i.severity == severity)
            .map(|i| i18n::issue(i, Lang::En))
            .collect();
        some.sort();
        out.extend(some);
    }
    out
}

/// `MINIMAL` with its one figure's fields after `"category":"c",` replaced.
fn figure(fields: &str) -> String {
    MINIMAL.replacen(
        r#""kind":"count","value":5,"label":{"kk":"а","ru":"а","en":"a"}"#,
        fields,
        1,
    )
}

const LABEL: &str = r#""label":{"kk":"а","ru":"а","en":"a"}"#;

#[test]
fn a_field_of_another_kind_is_an_unknown_field() {
    let unknown = |field: &str| format!("figures[0].{field}: Unknown field, ignored");
    let table: Vec<(String, Vec<String>)> = vec![
        // Each kind with its own fields: nothing to say.
        (figure(&format!(r#""kind":"change","change":-5,"wording":{{"en":"w"}},{LABEL}"#)), vec![
            "(valid)".into(),
            "figures[0].wording.kk: No Kazakh text: another language is shown instead".into(),
            "figures[0].wording.ru: No Russian text: another language is shown instead".into(),
        ]),
        (figure(&format!(r#""kind":"count","value":5,"qualifier":"about",{LABEL}"#)), vec!["(valid)".into()]),
        // Fields of another kind.
        (figure(&format!(r#""kind":"change","change":-5,"qualifier":"roughly",{LABEL}"#)), vec!["(valid)".into(), unknown("qualifier")]),
        (figure(&format!(r#""kind":"change","change":-5,"value":5,{LABEL}"#)), vec!["(valid)".into(), unknown("value")]),
        (figure(&format!(r#""kind":"count","value":5,"steps":[],"change":1,{LABEL}"#)), vec!["(valid)".into(), unknown("change"), unknown("steps")]),
        (figure(&format!(r#""kind":"funnel","qualifier":"about","steps":[{{"value":1,{LABEL}}}],{LABEL}"#)), vec!["(valid)".into(), unknown("qualifier")]),
        (figure(&format!(r#""kind":"statement","date":"2024-01-01","points":[],"part":{{}},"whole":{{}},"wording":{{}},{LABEL}"#)), vec![
            "(valid)".into(), unknown("date"), unknown("part"), unknown("points"), unknown("whole"), unknown("wording"),
        ]),
        (figure(&format!(r#""kind":"milestone","date":"2024-01-01","value":5,{LABEL}"#)), vec!["(valid)".into(), unknown("value")]),
        // Beside an error of the figure's own kind, still a warning.
        (figure(&format!(r#""kind":"change","change":"x","value":5,{LABEL}"#)), vec![
            "figures[0].change: Must be a number".into(), unknown("value"),
        ]),
        // A missing or unknown kind: only the error about `kind`, no warning per field.
        (figure(&format!(r#""value":5,"qualifier":"roughly","steps":[],{LABEL}"#)), vec!["figures[0].kind: Required, but missing".into()]),
        (figure(&format!(r#""kind":null,"value":5,{LABEL}"#)), vec!["figures[0].kind: Required, but missing".into()]),
        (figure(&format!(r#""kind":"pie","value":5,"change":3,"date":"x",{LABEL}"#)), vec![
            "figures[0].kind: Unknown kind “pie”: use change, count, funnel, part, milestone or statement".into(),
        ]),
        (figure(&format!(r#""kind":7,"value":5,{LABEL}"#)), vec!["figures[0].kind: Must be a text".into()]),
        // Other unknown fields are still reported beside an unknown kind.
        (figure(&format!(r#""kind":"pie","value":5,"colour":"red",{LABEL}"#)), vec![
            "figures[0].kind: Unknown kind “pie”: use change, count, funnel, part, milestone or statement".into(),
            unknown("colour"),
        ]),
    ];
    for (text, want) in &table {
        assert_eq!(&issues(text), want, "dataset: {text}");
    }
}

#[test]
fn empty_means_only_blank_characters() {
    let title = |s: &str| MINIMAL.replacen(r#""en":"T""#, &format!(r#""en":"{s}""#), 1);
    let empty = vec!["title.en: Must not be empty".to_string()];
    // White_Space (U+0085 included, unlike JavaScript's \s) and the invisible format
    // characters (U+FEFF included, unlike Rust's `trim`).
    for blank in [
        " \\t\\n\\r",
        "\\u0085",
        "\\u00a0",
        "\\u202f",
        "\\u3000",
        "\\u200b",
        "\\u200c\\u200d",
        "\\u200e\\u200f",
        "\\u2060",
        "\\u00ad",
        "\\ufeff",
        "\\u180e",
        "\\u2066\\u2069",
    ] {
        assert_eq!(issues(&title(blank)), empty, "{blank}");
    }
    // Characters that are not blank: a letter that looks empty, a control character, an
    // unassigned code point between the format characters.
    for visible in ["\\u3164", "\\u0000", "\\u2065", "\\u200bx"] {
        assert_eq!(issues(&title(visible)), vec!["(valid)"], "{visible}");
    }
    // Blank characters at the ends are dropped, inside they are kept; the same for ids,
    // so that a reference trimmed alike still resolves.
    let text = title("\\ufeff\\u200b 100\\u00a0000\\u2060\\u0085")
        .replacen(r#""id":"c""#, r#""id":"\u200bc\ufeff""#, 1)
        .replacen(r#""id":"t""#, r#""id":" t\u00a0""#, 1);
    let d = model::parse(&text).expect("valid").dataset;
    assert_eq!(d.title.en, "100\u{a0}000");
    assert_eq!((d.id.as_str(), d.categories[0].id.as_str()), ("t", "c"));
    assert_eq!(d.figures[0].category, "c");
}

/// `MINIMAL` with a list's entries: `key` is replaced by `entries` copies of `item`.
fn entries(figure_fields: &str, key: &str, item: &str, n: usize) -> String {
    let list = vec![item; n].join(",");
    figure(&figure_fields.replacen(key, &format!("[{list}]"), 1))
}

#[test]
fn limits_at_and_over_the_edge() {
    let too_many = |path: &str, n: usize, limit: usize| {
        vec![format!(
            "{path}: Too many entries: {n}, at most {limit} allowed"
        )]
    };
    let title = |s: String| MINIMAL.replacen(r#""en":"T""#, &format!(r#""en":"{s}""#), 1);
    // Texts: 1000 characters, counted as characters (not bytes) before trimming.
    assert_eq!(issues(&title("x".repeat(1000))), vec!["(valid)"]);
    assert_eq!(issues(&title("ж".repeat(1000))), vec!["(valid)"]);
    assert_eq!(issues(&title("😀".repeat(1000))), vec!["(valid)"]);
    let too_long = vec!["title.en: Text too long: at most 1,000 characters"];
    assert_eq!(issues(&title("x".repeat(1001))), too_long);
    assert_eq!(issues(&title(format!(" {} ", "x".repeat(999)))), too_long);
    assert_eq!(
        issues(&title(format!(" {}", "x".repeat(999)))),
        vec!["(valid)"]
    );

    // Ids: 64 characters.
    let id = |s: String| MINIMAL.replacen(r#""id":"t""#, &format!(r#""id":"{s}""#), 1);
    assert_eq!(issues(&id("a".repeat(64))), vec!["(valid)"]);
    let long = "a".repeat(65);
    assert_eq!(
        issues(&id(long.clone())),
        vec![format!(
            "id: Invalid id “{long}”: use lowercase Latin letters, digits and hyphens"
        )]
    );

    // 50 entries in each list but figures, 200 figures.
    let label = r#"{"kk":"x","ru":"x","en":"x"}"#;
    let step = r#"{"value":1,"label":{"kk":"s","ru":"s","en":"s"}}"#;
    for n in [50, 51] {
        let want = |path: &str| {
            if n == 50 {
                vec!["(valid)".to_string()]
            } else {
                too_many(path, n, 50)
            }
        };
        let funnel = entries(
            &format!(r#""kind":"funnel","steps":STEPS,{LABEL}"#),
            "STEPS",
            step,
            n,
        );
        assert_eq!(issues(&funnel), want("figures[0].steps"), "{n} steps");
        let milestone = entries(
            &format!(r#""kind":"milestone","date":"2024-01-01","points":POINTS,{LABEL}"#),
            "POINTS",
            label,
            n,
        );
        assert_eq!(issues(&milestone), want("figures[0].points"), "{n} points");
        let periods: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"p{i}","label":{label}}}"#))
            .collect();
        let text = MINIMAL.replacen(
            r#""figures":"#,
            &format!(r#""periods":[{}],"figures":"#, periods.join(",")),
            1,
        );
        assert_eq!(issues(&text), want("periods"), "{n} periods");
        let categories: Vec<String> = (1..n)
            .map(|i| format!(r#"{{"id":"c{i}","label":{label}}}"#))
            .chain([format!(r#"{{"id":"c","label":{label}}}"#)])
            .collect();
        let text = MINIMAL.replacen(
            r#""categories":[{"id":"c","label":{"kk":"К","ru":"К","en":"C"}}]"#,
            &format!(r#""categories":[{}]"#, categories.join(",")),
            1,
        );
        // Over the limit, the entries are not read: a figure's reference to one fails too.
        let got = issues(&text);
        assert_eq!(got[0], want("categories")[0], "{n} categories");
        assert!(got.len() == 1 || n == 51, "{n} categories: {got:?}");
    }
    // Empty lists: `periods` and `points` may be empty, the others not.
    assert_eq!(
        issues(&MINIMAL.replacen(r#""figures":"#, r#""periods":[],"figures":"#, 1)),
        vec!["(valid)"]
    );
    assert_eq!(
        issues(&entries(
            &format!(r#""kind":"milestone","date":"2024-01-01","points":P,{LABEL}"#),
            "P",
            "",
            0
        )),
        vec!["(valid)"]
    );
    assert_eq!(
        issues(&entries(
            &format!(r#""kind":"funnel","steps":S,{LABEL}"#),
            "S",
            "",
            0
        )),
        vec!["figures[0].steps: Must not be empty"]
    );
    let categories = MINIMAL.replacen(
        r#"[{"id":"c","label":{"kk":"К","ru":"К","en":"C"}}]"#,
        "[]",
        1,
    );
    assert!(issues(&categories).contains(&"categories: Must not be empty".to_string()));

    for n in [200, 201] {
        let figures: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"f{i}","category":"c","kind":"statement",{LABEL}}}"#))
            .collect();
        let text = MINIMAL.replacen(
            &MINIMAL[MINIMAL.find(r#""figures":"#).unwrap()..],
            &format!(r#""figures":[{}]}}"#, figures.join(",")),
            1,
        );
        let want = if n == 200 {
            vec!["(valid)".to_string()]
        } else {
            too_many("figures", n, MAX_FIGURES)
        };
        assert_eq!(issues(&text), want, "{n} figures");
    }

    // The size: exactly 1 MiB is read, one byte more is not.
    let padded = |bytes: usize| format!("{MINIMAL}{}", " ".repeat(bytes - MINIMAL.len()));
    assert_eq!(issues(&padded(MAX_BYTES)), vec!["(valid)"]);
    assert_eq!(
        issues(&padded(MAX_BYTES + 1)),
        vec!["Too large: 1,048,577 bytes, at most 1,048,576 allowed"]
    );
    // Nesting: 64 levels (the dataset's object and 63 arrays in an unknown field), not 65.
    let nested = |levels: usize| {
        MINIMAL.replacen(
            r#""id":"t""#,
            &format!(
                r#""id":"t","x":{}{}"#,
                "[".repeat(levels - 1),
                "]".repeat(levels - 1)
            ),
            1,
        )
    };
    assert_eq!(
        issues(&nested(64)),
        vec!["(valid)", "x: Unknown field, ignored"]
    );
    assert_eq!(
        issues(&nested(65)),
        vec!["Nested too deeply: at most 64 levels"]
    );
}

#[test]
fn null_counts_as_absent() {
    // A required field that is null is missing.
    for (from, to, want) in [
        (
            r#""title":{"kk":"Т","ru":"Т","en":"T"}"#,
            r#""title":null"#,
            "title: Required, but missing",
        ),
        (
            r#""value":5"#,
            r#""value":null"#,
            "figures[0].value: Required, but missing",
        ),
        (
            r#""kind":"count""#,
            r#""kind":null"#,
            "figures[0].kind: Required, but missing",
        ),
        (
            r#""categories":[{"id":"c""#,
            r#""categories":[{"id":null"#,
            "categories[0].id: Required, but missing",
        ),
        (
            r#"{"kk":"а","ru":"а","en":"a"}"#,
            r#"{"kk":null,"ru":null,"en":null}"#,
            "figures[0].label: Required, but missing",
        ),
    ] {
        let errors = errors(&MINIMAL.replacen(from, to, 1));
        assert!(errors.contains(&want.to_string()), "{to}: {errors:?}");
    }
    // An optional field that is null is left out: no error, no warning.
    let optional = MINIMAL
        .replacen(
            r#""value":5"#,
            r#""value":5,"qualifier":null,"period":null,"of":null,"note":null"#,
            1,
        )
        .replacen(r#""figures":"#, r#""periods":null,"figures":"#, 1)
        .replacen(r#""en":"S"}"#, r#""en":"S"},"url":null"#, 1);
    assert_eq!(issues(&optional), vec!["(valid)"]);
    let d = model::parse(&optional).unwrap().dataset;
    let f = &d.figures[0];
    assert_eq!(
        (&f.period, &f.of, &f.note, &d.source.url),
        (&None, &None, &None, &None)
    );
    assert!(d.periods.is_empty());
    // A language that is null is a missing language; of a repeated key the last value
    // that is not null is used.
    let text = MINIMAL
        .replacen(r#""kk":"Т","#, r#""kk":null,"#, 1)
        .replacen(r#""value":5"#, r#""value":5,"value":null"#, 1);
    assert_eq!(
        issues(&text),
        vec![
            "(valid)",
            "title.kk: No Kazakh text: another language is shown instead"
        ]
    );
    let d = model::parse(&text).unwrap().dataset;
    assert_eq!(d.title.kk, "Т");
    assert_eq!(
        d.figures[0].kind,
        model::FigureKind::Count {
            amount: model::Amount {
                value: 5.0,
                qualifier: None
            }
        }
    );
}

/// Runs the built `salystyr` with `args`, `input` on its standard input.
fn salystyr(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_salystyr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("salystyr starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("an exit status"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_reads_standard_input() {
    assert_eq!(
        salystyr(&["check", "-"], MINIMAL),
        (0, "-: valid\n".into(), String::new())
    );
    let warning = MINIMAL.replacen(r#""kk":"Т","#, "", 1);
    assert_eq!(
        salystyr(&["check", "-"], &warning),
        (
            0,
            "-: valid\n".into(),
            "-: warning: title.kk: No Kazakh text: another language is shown instead\n".into()
        )
    );
    let bad = MINIMAL.replacen(r#""value":5"#, r#""value":-5"#, 1);
    assert_eq!(
        salystyr(&["check", "-", "--messages", "ru"], &bad),
        (
            1,
            "-: invalid\n".into(),
            "-: error: figures[0].value: Вне допустимого диапазона: от 0 до 1\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\n".into()
        )
    );
    assert_eq!(salystyr(&["check", "-"], "").0, 1);
}

#[test]
fn check_takes_several_files_and_exits_with_the_worst_status() {
    let dir = std::env::temp_dir().join(format!("salystyr-several-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let good = file("good.json", MINIMAL);
    let bad = file(
        "bad.json",
        &MINIMAL.replacen(r#""value":5"#, r#""value":"5""#, 1),
    );
    let also_good = file("also-good.json", MINIMAL);
    let missing = dir.join("missing.json").to_str().unwrap().to_string();

    let (status, out, err) = salystyr(&["check", &good, &bad, &also_good], "");
    assert_eq!(status, 1, "invalid beats valid");
    assert_eq!(
        out,
        format!("{good}: valid\n{bad}: invalid\n{also_good}: valid\n"),
        "one line per file, in order"
    );
    assert_eq!(
        err,
        format!("{bad}: error: figures[0].value: Must be a number\n")
    );

    assert_eq!(salystyr(&["check", &good, &also_good], "").0, 0);
    // An unreadable file beats an invalid one, in any order; the others are still checked.
    for args in [[&bad, &missing, &good], [&missing, &good, &bad]] {
        let (status, out, err) = salystyr(&["check", args[0], args[1], args[2]], "");
        assert_eq!(status, 2, "{args:?}");
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(err.contains(&format!("{missing}: cannot read")), "{err}");
    }
    // A file and standard input together.
    let (status, out, _) = salystyr(&["check", &good, "-"], "{}");
    assert_eq!((status, out), (1, format!("{good}: valid\n-: invalid\n")));
    std::fs::remove_dir_all(&dir).unwrap();
}
