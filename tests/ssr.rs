//! Server-side rendering of the whole tree, natively: snapshots per language, and every
//! figure of the seed article (shared/seed/FACTS.md) with its qualifier in each language.
#![cfg(not(target_arch = "wasm32"))]

use salystyr::components::{App, AppProps, Data};
use salystyr::model::{seed, Lang};

async fn render(lang: Lang, categories: Option<&str>) -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps {
        data: Data::Ready(seed().into()),
        lang,
        categories: categories.map(|c| c.to_string().into()),
        motion: false,
        shown: false,
        controls: true,
        revision: 0,
        on_change: None,
        on_export: None,
    })
    .hydratable(false)
    .render()
    .await
}

/// One tag per line, so that snapshot diffs are readable.
fn lines(html: &str) -> String {
    html.replace("><", ">\n<")
}

#[tokio::test]
async fn snapshot_kk() {
    insta::assert_snapshot!(lines(&render(Lang::Kk, None).await));
}

#[tokio::test]
async fn snapshot_ru() {
    insta::assert_snapshot!(lines(&render(Lang::Ru, None).await));
}

#[tokio::test]
async fn snapshot_en() {
    insta::assert_snapshot!(lines(&render(Lang::En, None).await));
}

const NB: &str = "\u{a0}";

/// A start tag: its attributes (a value-less one has an empty value) and the text that
/// follows it up to the next tag.
struct Tag {
    attrs: Vec<(String, String)>,
    text: String,
}

/// The start tags of `html` in order.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("a closed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let text = rest[..rest.find('<').unwrap_or(rest.len())].to_string();
        let mut attrs = tag.split_once(' ').map_or("", |(_, a)| a);
        let mut list = Vec::new();
        while !attrs.trim().is_empty() {
            attrs = attrs.trim_start();
            let stop = attrs.find(['=', ' ']).unwrap_or(attrs.len());
            let key = attrs[..stop].to_string();
            attrs = &attrs[stop..];
            let value = if let Some(quoted) = attrs.strip_prefix("=\"") {
                let close = quoted.find('"').expect("a closed attribute value");
                attrs = &quoted[close + 1..];
                quoted[..close].to_string()
            } else {
                String::new()
            };
            list.push((key, value));
        }
        out.push(Tag { attrs: list, text });
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split(' ').any(|c| c == class))
}

/// The text of each visible number (the counting number's own element), in order.
fn visible_numbers(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| has_class(&t.attrs, "num"))
        .map(|t| t.text)
        .collect()
}

/// The page's text without the screen-reader sentences: what the eye reads.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<p class=\"sr-only\">") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = &rest[rest.find("</p>").expect("a closed sentence") + 4..];
    }
    out.push_str(rest);
    out
}

/// Each figure of FACTS.md as the reader sees it, in kk, ru and en: the visible numbers
/// in the order of the article, and words that go with them.
fn facts(lang: Lang) -> (Vec<String>, Vec<String>, &'static str) {
    // Thousands and the Russian percent sign are separated by a no-break space.
    let n = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        (0..c.len())
            .map(|i| {
                let between = i > 0 && i + 1 < c.len() && c[i - 1].is_ascii_digit();
                if c[i] == ' ' && between && (c[i + 1].is_ascii_digit() || c[i + 1] == '%') {
                    NB.to_string()
                } else {
                    c[i].to_string()
                }
            })
            .collect::<String>()
    };
    let all = |v: &[&str]| v.iter().map(|s| n(s)).collect::<Vec<String>>();
    match lang {
        Lang::Kk => (
            all(&[
                "100 000-ға жуық",
                "72 000",
                "16 000",
                "69",
                "5 500",
                "3 700-і",
                "-37,9%",
                "-49,3%",
                "-8,7%",
                "12 000-нан астам",
                "94 000-нан астам",
                "-6%",
                "-29%",
                "-19%",
                "-15%",
                "35 000-нан астам",
                "127-сі",
            ]),
            all(&[
                "екі есеге азайды",
                "шамамен -50%",
                "≈50",
                "ювеналды полиция",
                "2024\u{a0}жылғы 16\u{a0}маусым",
                "өмір бойына бас бостандығынан айыру",
                "Соңғы бес жылда",
                "\u{a0}— балалары бар ана",
                "шамамен 67%",
                "2024 жылы",
                "Дереккөзде кезең көрсетілмеген",
            ]),
            "Оның ішінде кісі өлтіру: соңғы бес жылда 49,3%-ға төмендеді.",
        ),
        Lang::Ru => (
            all(&[
                "почти 100 000",
                "72 000",
                "16 000",
                "69",
                "5 500",
                "3 700",
                "-37,9 %",
                "-49,3 %",
                "-8,7 %",
                "более 12 000",
                "более 94 000",
                "-6 %",
                "-29 %",
                "-19 %",
                "-15 %",
                "более 35 000",
                "127",
            ]),
            all(&[
                "сократились вдвое",
                "около -50 %",
                "≈50",
                "ювенальной полиции",
                "16\u{a0}июня 2024\u{a0}года",
                "Пожизненное лишение свободы",
                "За последние пять лет",
                "\u{a0}— матери с детьми",
                "около 67 %",
                "В 2024 году",
                "Период в источнике не указан",
            ]),
            "В том числе убийства: снижение на 49,3\u{a0}% за последние пять лет.",
        ),
        Lang::En => (
            all(&[
                "nearly 100,000",
                "72,000",
                "16,000",
                "69",
                "5,500",
                "3,700",
                "-37.9%",
                "-49.3%",
                "-8.7%",
                "more than 12,000",
                "more than 94,000",
                "-6%",
                "-29%",
                "-19%",
                "-15%",
                "more than 35,000",
                "127",
            ]),
            all(&[
                "halved",
                "about -50%",
                "≈50",
                "Juvenile police",
                "16\u{a0}June 2024",
                "Life imprisonment",
                "Over the past five years",
                " of them were mothers with children",
                "about 67%",
                "In 2024",
                "Period not stated in the source",
            ]),
            "Of which, murders: down 49.3% over the past five years.",
        ),
    }
}

#[tokio::test]
async fn every_figure_with_its_qualifier_in_every_language() {
    for lang in Lang::ALL {
        let html = render(lang, None).await;
        assert!(
            html.contains(&format!("lang=\"{}\"", lang.code())),
            "{lang:?} root lang"
        );
        let (numbers, words, scoped) = facts(lang);
        // The screen reader's sentence of a figure that is part of another has its scope.
        assert!(html.contains(scoped), "{lang:?}: {scoped}");
        // The numbers the eye reads, each in its own element (the sentences for screen
        // readers carry the same values, so the page's text alone proves nothing).
        assert_eq!(visible_numbers(&html), numbers, "{lang:?} visible numbers");
        let visible = visible_text(&html);
        for word in words {
            assert!(visible.contains(&word), "{lang:?}: {word:?} not visible");
        }
        let others = Lang::ALL.iter().filter(|&&l| l != lang);
        for other in others {
            let title = seed().title.get(*other).to_string();
            assert!(!html.contains(&title), "{lang:?} shows the {other:?} title");
        }
    }
}

#[tokio::test]
async fn categories_attribute_hides_the_others() {
    let html = render(Lang::En, Some("women,children")).await;
    let groups: Vec<_> = tags(&html)
        .into_iter()
        .filter(|t| has_class(&t.attrs, "group"))
        .collect();
    let ids: Vec<_> = groups
        .iter()
        .map(|t| attr(&t.attrs, "data-category").unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        ["domestic-violence", "women", "children", "online", "law"]
    );
    for Tag { attrs, .. } in &groups {
        let id = attr(attrs, "data-category").unwrap();
        let shown = matches!(id, "women" | "children");
        // The `hidden` attribute itself, not the word anywhere in the tag.
        assert_eq!(attr(attrs, "hidden").is_none(), shown, "{id}: {attrs:?}");
    }
    let pressed = html.matches("aria-pressed=\"true\"").count();
    assert_eq!(
        pressed,
        1 + 2 + 1,
        "one language, two categories and the chart view pressed"
    );
}

#[tokio::test]
async fn unknown_categories_are_named_in_the_readers_language() {
    let html = render(Lang::Ru, Some("women,sport")).await;
    assert!(html.contains("Неизвестные категории (пропущены)"));
    assert!(html.contains("<li>sport</li>"));
}
