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
        controls: true,
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

/// Each figure of FACTS.md as the reader sees it, in kk, ru and en.
fn facts(lang: Lang) -> Vec<String> {
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
    match lang {
        Lang::Kk => vec![
            n("100 000-ға жуық"),
            n("72 000"),
            n("16 000"),
            "69".into(),
            n("5 500"),
            n("3 700"),
            "-50%".into(),
            "екі есеге азайды".into(),
            "-37,9%".into(),
            "-49,3%".into(),
            "-8,7%".into(),
            n("12 000-нан астам"),
            n("94 000-нан астам"),
            "ювеналды полиция".into(),
            "-6%".into(),
            "-29%".into(),
            "-19%".into(),
            "-15%".into(),
            n("35 000-нан астам"),
            "127".into(),
            "2024 жылғы 16 маусым".into(),
            "өмір бойына бас бостандығынан айыру".into(),
            "Соңғы 5 жылда".into(),
        ],
        Lang::Ru => vec![
            n("почти 100 000"),
            n("72 000"),
            n("16 000"),
            "69".into(),
            n("5 500"),
            n("3 700"),
            n("-50 %"),
            "сократились вдвое".into(),
            n("-37,9 %"),
            n("-49,3 %"),
            n("-8,7 %"),
            n("более 12 000"),
            n("более 94 000"),
            "ювенальной полиции".into(),
            n("-6 %"),
            n("-29 %"),
            n("-19 %"),
            n("-15 %"),
            n("более 35 000"),
            "127".into(),
            "16 июня 2024 года".into(),
            "Пожизненное лишение свободы".into(),
            "За последние 5 лет".into(),
        ],
        Lang::En => vec![
            "nearly 100,000".into(),
            "72,000".into(),
            "16,000".into(),
            "69".into(),
            "5,500".into(),
            "3,700".into(),
            "-50%".into(),
            "halved".into(),
            "-37.9%".into(),
            "-49.3%".into(),
            "-8.7%".into(),
            "more than 12,000".into(),
            "more than 94,000".into(),
            "Juvenile police".into(),
            "-6%".into(),
            "-29%".into(),
            "-19%".into(),
            "-15%".into(),
            "more than 35,000".into(),
            "127".into(),
            "16 June 2024".into(),
            "Life imprisonment".into(),
            "Over the last 5 years".into(),
        ],
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
        for fact in facts(lang) {
            assert!(html.contains(&fact), "{lang:?}: {fact:?} missing");
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
    for (id, shown) in [
        ("domestic-violence", false),
        ("women", true),
        ("children", true),
        ("online", false),
        ("law", false),
    ] {
        let open = format!("data-category=\"{id}\"");
        let at = html
            .find(&format!("<section {open}"))
            .or_else(|| html.find(&format!("class=\"group\" {open}")))
            .unwrap_or_else(|| panic!("group {id} rendered"));
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        assert_eq!(!tag.contains("hidden"), shown, "{id}: {tag}");
    }
    let pressed = html.matches("aria-pressed=\"true\"").count();
    assert_eq!(pressed, 1 + 2, "one language and two categories pressed");
}

#[tokio::test]
async fn unknown_categories_are_named_in_the_readers_language() {
    let html = render(Lang::Ru, Some("women,sport")).await;
    assert!(html.contains("Таких категорий нет"));
    assert!(html.contains("<li>sport</li>"));
}
