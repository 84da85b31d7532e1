//! The `salystyr` command line: check a dataset, render its static HTML, and write the
//! embed's no-WebAssembly fallback. Native only; `src/bin/salystyr.rs` calls [`run`].
//!
//! ```text
//! salystyr check FILE...                      exit 0 valid (warnings allowed), 1 invalid, 2 usage or I/O
//! salystyr render FILE [--lang kk|ru|en] [--categories IDS]
//! salystyr image FILE [--lang kk|ru|en] [--categories IDS]   the picture as SVG
//! salystyr fallback                           JSON for dist/salystyr-fallback.json
//! ```
//! `FILE` may be `-` for standard input.

use std::io::Read;
use std::rc::Rc;

use crate::components::{App, AppProps, Data};
use crate::describe;
use crate::i18n::{self, strings};
use crate::model::{self, seed, Dataset, Lang, Severity};
use crate::picture;

/// Exit status: success.
pub const OK: i32 = 0;
/// Exit status: the dataset is invalid.
pub const INVALID: i32 = 1;
/// Exit status: wrong arguments or a file that cannot be read.
pub const USAGE: i32 = 2;

const HELP: &str = "usage:
  salystyr check FILE... [--messages kk|ru|en]    validate datasets (FILE may be -)
  salystyr render FILE [--lang kk|ru|en] [--categories IDS] [--messages kk|ru|en]
                                                  print the infographic's static HTML
  salystyr image FILE [--lang kk|ru|en] [--categories IDS] [--messages kk|ru|en]
                                                  print its picture as an SVG image
  salystyr fallback                               print the embed's no-WebAssembly fallback (JSON)
exit status: 0 valid, 1 invalid dataset, 2 usage or unreadable file";

/// Runs the command line; returns the exit status. Output goes to `out`, messages to
/// `err`.
pub fn run(args: &[String], out: &mut String, err: &mut String) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..], out, err),
        Some("render") if args.len() > 1 => render(&args[1..], out, err, false),
        Some("image") if args.len() > 1 => render(&args[1..], out, err, true),
        Some("fallback") => {
            out.push_str(&fallback());
            OK
        }
        Some("-h" | "--help" | "help") => {
            out.push_str(HELP);
            out.push('\n');
            OK
        }
        _ => {
            err.push_str(HELP);
            err.push('\n');
            USAGE
        }
    }
}

fn read_file(path: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result
        .map(|_| text)
        .map_err(|e| format!("{path}: cannot read: {e}"))
}

fn messages_lang(args: &[String]) -> Lang {
    option(args, "--messages")
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En)
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn check(args: &[String], out: &mut String, err: &mut String) -> i32 {
    let lang = messages_lang(args);
    let mut status = OK;
    let mut skip = false;
    for path in args {
        if skip {
            skip = false;
            continue;
        }
        if path == "--messages" {
            skip = true;
            continue;
        }
        let text = match read_file(path) {
            Ok(t) => t,
            Err(e) => {
                err.push_str(&e);
                err.push('\n');
                status = USAGE;
                continue;
            }
        };
        let issues = match model::parse(&text) {
            Ok(parsed) => parsed.warnings,
            Err(issues) => {
                status = status.max(INVALID);
                issues
            }
        };
        for issue in &issues {
            let kind = match issue.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            err.push_str(&format!("{path}: {kind}: {}\n", i18n::issue(issue, lang)));
        }
        let errors = issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        out.push_str(&format!(
            "{path}: {}\n",
            if errors == 0 { "valid" } else { "invalid" }
        ));
    }
    status
}

/// The static HTML of the infographic in its final state, as the embed renders it.
pub fn html(dataset: Rc<Dataset>, lang: Lang, categories: Option<&str>) -> String {
    let props = AppProps {
        data: Data::Ready(dataset.into()),
        lang,
        categories: categories.map(|c| c.to_string().into()),
        motion: false,
        controls: false,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// `render` (static HTML) or, with `image`, the SVG picture of the same view.
fn render(args: &[String], out: &mut String, err: &mut String, image: bool) -> i32 {
    let path = &args[0];
    let lang = match option(args, "--lang") {
        Some(l) => match Lang::parse(&l) {
            Some(lang) => lang,
            None => {
                err.push_str(&format!("--lang must be kk, ru or en, not {l}\n"));
                return USAGE;
            }
        },
        None => Lang::Kk,
    };
    let text = match read_file(path) {
        Ok(t) => t,
        Err(e) => {
            err.push_str(&e);
            err.push('\n');
            return USAGE;
        }
    };
    match model::parse(&text) {
        Ok(parsed) => {
            let categories = option(args, "--categories");
            let d = parsed.dataset;
            if image {
                let active = d.select(categories.as_deref()).active;
                out.push_str(&picture::svg(&picture::picture(&d, &active, lang)));
            } else {
                out.push_str(&html(Rc::new(d), lang, categories.as_deref()));
            }
            out.push('\n');
            OK
        }
        Err(issues) => {
            for issue in &issues {
                err.push_str(&format!(
                    "{path}: {}\n",
                    i18n::issue(issue, messages_lang(args))
                ));
            }
            INVALID
        }
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            // Keeps the JSON safe to place anywhere, even inside HTML.
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What the embed shows where WebAssembly cannot run: for each language, the built-in
/// dataset's figures as text (their text alternatives) and the message for a dataset
/// from `src`, which cannot be shown without it.
pub fn fallback() -> String {
    let d = seed();
    let langs: Vec<String> = Lang::ALL
        .iter()
        .map(|&lang| {
            let figures: Vec<String> = d
                .figures
                .iter()
                .map(|f| json_string(&describe::figure(&d, f, lang)))
                .collect();
            format!(
                "{}:{{\"title\":{},\"figures\":[{}],\"source\":{},\"message\":{}}}",
                json_string(lang.code()),
                json_string(d.title.get(lang)),
                figures.join(","),
                json_string(&format!(
                    "{}: {}",
                    strings(lang).source,
                    d.source.text.get(lang)
                )),
                json_string(strings(lang).needs_wasm),
            )
        })
        .collect();
    format!("{{{}}}\n", langs.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut out, mut err) = (String::new(), String::new());
        let status = run(&args, &mut out, &mut err);
        (status, out, err)
    }

    #[test]
    fn exit_statuses() {
        let dir = std::env::temp_dir().join(format!("salystyr-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.json");
        std::fs::write(&bad, r#"{"format": "salystyr/1", "id": "x"}"#).unwrap();
        let bad = bad.to_str().unwrap();
        let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.json");

        let (status, out, err) = run_args(&["check", seed]);
        assert_eq!((status, err.as_str()), (OK, ""));
        assert!(out.ends_with("valid\n"));

        let (status, out, err) = run_args(&["check", seed, bad]);
        assert_eq!(status, INVALID);
        assert!(out.contains("bad.json: invalid"));
        assert!(
            err.contains("bad.json: error: title: Required, but missing"),
            "{err}"
        );

        let (status, _, err) = run_args(&["check", bad, "--messages", "ru"]);
        assert_eq!(status, INVALID);
        assert!(
            err.contains("title: Обязательное поле отсутствует"),
            "{err}"
        );

        assert_eq!(run_args(&["check", "/no/such/file.json"]).0, USAGE);
        assert_eq!(run_args(&["render", seed, "--lang", "de"]).0, USAGE);
        assert_eq!(run_args(&["render", bad]).0, INVALID);
        assert_eq!(run_args(&[]).0, USAGE);
        assert_eq!(run_args(&["frobnicate"]).0, USAGE);
        assert_eq!(run_args(&["--help"]).0, OK);
    }

    #[test]
    fn render_prints_every_figure_in_each_language() {
        let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.json");
        let d = seed();
        for (lang, code) in [(Lang::Kk, "kk"), (Lang::Ru, "ru"), (Lang::En, "en")] {
            let (status, out, _) = run_args(&["render", seed_path, "--lang", code]);
            assert_eq!(status, OK);
            assert!(out.contains(&format!("lang=\"{code}\"")));
            for f in &d.figures {
                assert!(
                    out.contains(&format!("data-figure=\"{}\"", f.id)),
                    "{code} {}",
                    f.id
                );
                let alt = describe::figure(&d, f, lang);
                let escaped = alt
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;");
                assert!(
                    out.contains(&alt) || out.contains(&escaped),
                    "{code}: {alt}"
                );
            }
        }
    }

    #[test]
    fn image_prints_the_picture_as_svg() {
        let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.json");
        let (status, out, _) =
            run_args(&["image", seed_path, "--lang", "ru", "--categories", "law"]);
        assert_eq!(status, OK);
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
        assert!(
            out.contains("xml:lang=\"ru\"") && out.contains(">Закон<"),
            "{out}"
        );
        assert!(!out.contains(">Дети<"), "only the categories asked for");
        assert_eq!(run_args(&["image", seed_path, "--lang", "xx"]).0, USAGE);
    }

    #[test]
    fn fallback_is_json_with_every_figure_in_each_language() {
        let text = fallback();
        let v = crate::json::parse(&text).expect("valid JSON");
        let d = seed();
        for lang in Lang::ALL {
            let entry = v.get(lang.code()).expect("language present");
            let crate::json::Value::Array(figures) = entry.get("figures").unwrap() else {
                panic!("figures is a list")
            };
            assert_eq!(figures.len(), d.figures.len());
            assert_eq!(
                entry.get("message").and_then(|m| m.as_str()),
                Some(strings(lang).needs_wasm)
            );
        }
        assert!(!text.contains('<'), "no raw < in the fallback JSON");
    }
}
