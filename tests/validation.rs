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
