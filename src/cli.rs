//! The `salystyr` command line: check a dataset, render its static HTML, and write the
//! embed's no-WebAssembly fallback. Native only; `src/bin/salystyr.rs` calls [`run`].
//!
//! ```text
//! salystyr check FILE...                      exit 0 valid (warnings allowed), 1 invalid, 2 usage or I/O
//! salystyr render FILE [--lang kk|ru|en] [--categories IDS]
//! salystyr image FILE [--lang kk|ru|en] [--categories IDS]   the picture as SVG
//! salystyr embed FILE [--lang kk|ru|en] [--categories IDS] [--base URL] [--src URL]
//!                                             the prerendered, paste-ready embed
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
  salystyr embed FILE [--lang kk|ru|en] [--categories IDS] [--base URL] [--src URL]
                   [--style inline|link]          print the paste-ready prerendered embed
                                                  (its CSP hash on standard error)
  salystyr fallback                               print the embed's no-WebAssembly fallback (JSON)
  salystyr assets DIR                             write the bundle's stylesheet, prerenders and fallback
exit status: 0 valid, 1 invalid dataset, 2 usage or unreadable file";

/// Runs the command line; returns the exit status. Output goes to `out`, messages to
/// `err`.
pub fn run(args: &[String], out: &mut String, err: &mut String) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..], out, err),
        Some("render") if args.len() > 1 => render(&args[1..], out, err, false),
        Some("image") if args.len() > 1 => render(&args[1..], out, err, true),
        Some("embed") if args.len() > 1 => embed(&args[1..], out, err),
        Some("fallback") => {
            out.push_str(&fallback());
            OK
        }
        Some("assets") if args.len() == 2 => match assets(std::path::Path::new(&args[1])) {
            Ok(()) => OK,
            Err(e) => {
                err.push_str(&format!("{}: {e}\n", args[1]));
                USAGE
            }
        },
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
    ssr(AppProps {
        data: Data::Ready(dataset.into()),
        lang,
        categories: categories.map(|c| c.to_string().into()),
        motion: false,
        shown: false,
        controls: false,
        revision: 0,
        on_change: None,
        on_export: None,
    })
}

fn ssr(props: AppProps) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// What `render`, `image` and `embed` read: FILE, validated, in the language of `--lang`;
/// or the exit status, with the reasons written to `err`.
fn read_dataset(args: &[String], err: &mut String) -> Result<(Dataset, String, Lang), i32> {
    let path = &args[0];
    let Some(lang) = lang_option(args, err) else {
        return Err(USAGE);
    };
    let text = read_file(path).map_err(|e| {
        err.push_str(&e);
        err.push('\n');
        USAGE
    })?;
    match model::parse(&text) {
        Ok(parsed) => Ok((parsed.dataset, text, lang)),
        Err(issues) => {
            for issue in &issues {
                err.push_str(&format!(
                    "{path}: {}\n",
                    i18n::issue(issue, messages_lang(args))
                ));
            }
            Err(INVALID)
        }
    }
}

/// `render` (static HTML) or, with `image`, the SVG picture of the same view.
fn render(args: &[String], out: &mut String, err: &mut String, image: bool) -> i32 {
    let (d, _, lang) = match read_dataset(args, err) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let categories = option(args, "--categories");
    if image {
        let active = d.select(categories.as_deref()).active;
        out.push_str(&picture::svg(&picture::picture(&d, &active, lang)));
    } else {
        out.push_str(&html(Rc::new(d), lang, categories.as_deref()));
    }
    out.push('\n');
    OK
}

/// The reading of `--lang`: kk by default; a usage error for anything but kk, ru, en.
fn lang_option(args: &[String], err: &mut String) -> Option<Lang> {
    match option(args, "--lang") {
        Some(l) => match Lang::parse(&l) {
            Some(lang) => Some(lang),
            None => {
                err.push_str(&format!("--lang must be kk, ru or en, not {l}\n"));
                None
            }
        },
        None => Some(Lang::Kk),
    }
}

/// Escapes text for an HTML attribute value in double quotes.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The widget's stylesheet, as the wasm adopts it.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// `'sha256-…'` of a text, the source expression a Content-Security-Policy's
/// `style-src` needs to allow an inline `<style>` with exactly that text.
pub fn csp_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::new();
    for chunk in digest.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                b64.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                b64.push('=');
            }
        }
    }
    format!("'sha256-{b64}'")
}

/// The widget as it will look once mounted, for a prerender: controls included (inert
/// until the live widget takes over), figures in their final state, the replay control
/// where the live widget has it.
pub fn prerender(dataset: Rc<Dataset>, lang: Lang, categories: Option<&str>) -> String {
    ssr(AppProps {
        data: Data::Ready(dataset.into()),
        lang,
        categories: categories.map(|c| c.to_string().into()),
        motion: true,
        shown: true,
        controls: true,
        revision: 0,
        on_change: None,
        on_export: None,
    })
}

/// Writes the bundle's generated files into `dir`: the stylesheet (`salystyr.css`);
/// for each language, the built-in dataset (`salystyr-kk.html`, …): its JSON, which the
/// live widget reads (the wasm carries none), and its prerender, which the loader shows
/// at once while the wasm loads and where WebAssembly cannot run; and the texts for a
/// dataset of the page's own where WebAssembly cannot run (`salystyr-fallback.json`).
pub fn assets(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::write(dir.join("salystyr.css"), STYLESHEET)?;
    for lang in Lang::ALL {
        let name = format!("salystyr-{}.html", lang.code());
        std::fs::write(dir.join(name), builtin(lang))?;
    }
    std::fs::write(dir.join("salystyr-fallback.json"), fallback())
}

/// The built-in dataset for the loader: its JSON, without whitespace, in a script
/// element (inert where the loader parses the file, in a template) followed by its
/// prerender in `lang`.
pub fn builtin(lang: Lang) -> String {
    format!(
        "{}{}",
        json_script(&crate::minify::json(model::SEED_JSON)),
        prerender(seed(), lang, None)
    )
}

/// JSON in an inert script element. Inside a <script>, "</script" would end it early:
/// "<" is written as \u003c, which a JSON reader takes back as "<".
fn json_script(json: &str) -> String {
    format!(
        "<script type=\"application/json\">{}</script>",
        json.replace('<', "\\u003c")
    )
}

/// The prerendered embed: the element with a declarative shadow root that holds the
/// widget exactly as it looks once mounted (controls included, inert until then; final
/// values; the reader's language) and its styles, and the script tag. The loader adopts
/// this content and swaps in the live widget in one frame. The dataset reaches the live
/// widget by `src`, or as `inline` JSON (without whitespace), or is the built-in one
/// (both `None`).
pub fn embed_snippet(
    dataset: Rc<Dataset>,
    lang: Lang,
    categories: Option<&str>,
    base: &str,
    src: Option<&str>,
    inline: Option<&str>,
    linked_style: bool,
) -> String {
    let html = prerender(dataset, lang, categories);
    let mut attrs = format!(" lang=\"{}\"", lang.code());
    if let Some(c) = categories {
        attrs.push_str(&format!(" categories=\"{}\"", attr(c)));
    }
    if let Some(src) = src {
        attrs.push_str(&format!(" src=\"{}\"", attr(src)));
    }
    let data = inline.map_or(String::new(), json_script);
    let base = attr(base.trim_end_matches('/'));
    let style = if linked_style {
        format!("<link rel=\"stylesheet\" href=\"{base}/salystyr.css\">")
    } else {
        format!("<style>{STYLESHEET}</style>")
    };
    // The script first: a module script never blocks the page, and so the browser asks
    // for the loader (and the loader for the wasm) before it has read the prerender.
    format!(
        "<script type=\"module\" src=\"{base}/salystyr.js\"></script>\n\
         <salystyr-infographic{attrs}><template shadowrootmode=\"open\">{style}{html}</template>{data}</salystyr-infographic>\n"
    )
}

fn embed(args: &[String], out: &mut String, err: &mut String) -> i32 {
    let (dataset, text, lang) = match read_dataset(args, err) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let linked = match option(args, "--style").as_deref() {
        None | Some("inline") => false,
        Some("link") => true,
        Some(other) => {
            err.push_str(&format!("--style must be inline or link, not {other}\n"));
            return USAGE;
        }
    };
    let categories = option(args, "--categories");
    let base = option(args, "--base").unwrap_or_else(|| ".".to_string());
    let src = option(args, "--src");
    let builtin = dataset == *seed();
    let inline = (src.is_none() && !builtin).then(|| crate::minify::json(&text));
    out.push_str(&embed_snippet(
        Rc::new(dataset),
        lang,
        categories.as_deref(),
        &base,
        src.as_deref(),
        inline.as_deref(),
        linked,
    ));
    if !linked {
        err.push_str(&format!(
            "Content-Security-Policy: this snippet's inline style needs style-src {}\n",
            csp_hash(STYLESHEET)
        ));
    }
    OK
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
    fn embed_prints_the_prerendered_snippet_and_its_csp_hash() {
        let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.json");
        let (status, out, err) = run_args(&[
            "embed",
            seed_path,
            "--lang",
            "ru",
            "--base",
            "https://cdn.example/s/",
        ]);
        assert_eq!(status, OK);
        assert!(out.starts_with("<script type=\"module\" src=\"https://cdn.example/s/salystyr.js\"></script>\n<salystyr-infographic lang=\"ru\"><template shadowrootmode=\"open\"><style>"));
        assert!(out.contains(&format!("<style>{STYLESHEET}</style>")));
        assert!(out.ends_with("</template></salystyr-infographic>\n"));
        // The widget as it will be once live: controls (inert), final values, Russian.
        assert!(out.contains("class=\"controls\"") && out.contains(" inert"));
        assert!(out.contains("-49,3\u{a0}%"));
        // The built-in dataset rides with the bundle: no inline copy.
        assert!(!out.contains("application/json"));
        // The hash is the style's own.
        assert_eq!(
            err.trim(),
            format!(
                "Content-Security-Policy: this snippet's inline style needs style-src {}",
                csp_hash(STYLESHEET)
            )
        );
        assert_eq!(
            csp_hash("body{color:red}"),
            "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='"
        );

        // A dataset of the page's own goes inline, "<" escaped, unless --src names it.
        let dir = std::env::temp_dir().join(format!("salystyr-embed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let own = dir.join("own.json");
        let text = std::fs::read_to_string(seed_path)
            .unwrap()
            .replace("\"kz-mia-2024\"", "\"own-2024\"")
            .replace("Кісі өлтіру", "Кісі </script> өлтіру");
        std::fs::write(&own, text).unwrap();
        let own = own.to_str().unwrap();
        let (status, out, _) = run_args(&["embed", own, "--categories", "women"]);
        assert_eq!(status, OK);
        assert!(out.contains(" categories=\"women\""));
        assert!(out.contains(
            "<script type=\"application/json\">{\"format\":\"salystyr/1\",\"id\":\"own-2024\""
        ));
        assert!(out.contains("\\u003c/script>") && out.matches("</script>").count() == 2);
        assert!(out.ends_with("</script></salystyr-infographic>\n"));
        let (_, out, _) = run_args(&["embed", own, "--src", "/data/own.json"]);
        assert!(out.contains(" src=\"/data/own.json\"") && !out.contains("application/json"));
        // A linked stylesheet instead: no inline style, no hash.
        let (status, out, err) =
            run_args(&["embed", seed_path, "--style", "link", "--base", "/dist"]);
        assert_eq!((status, err.as_str()), (OK, ""));
        assert!(
            out.contains("<link rel=\"stylesheet\" href=\"/dist/salystyr.css\">")
                && !out.contains("<style>")
        );
        assert_eq!(run_args(&["embed", seed_path, "--style", "none"]).0, USAGE);
        assert_eq!(run_args(&["embed", seed_path, "--lang", "de"]).0, USAGE);
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
