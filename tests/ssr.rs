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
            "шамамен -50%".into(),
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
            "2024\u{a0}жылғы 16\u{a0}маусым".into(),
            "өмір бойына бас бостандығынан айыру".into(),
            "Соңғы бес жылда".into(),
            "Оның ішінде кісі өлтіру: соңғы бес жылда 49,3%-ға төмендеді.".into(),
            n("олардың 3 700-і\u{a0}— балалары бар ана"),
            "олардың 127-сі\u{a0}— суицид".into(),
            "шамамен 67%".into(),
            "2024 жылы".into(),
        ],
        Lang::Ru => vec![
            n("почти 100 000"),
            n("72 000"),
            n("16 000"),
            "69".into(),
            n("5 500"),
            n("3 700"),
            n("около -50 %"),
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
            "16\u{a0}июня 2024\u{a0}года".into(),
            "Пожизненное лишение свободы".into(),
            "За последние пять лет".into(),
            n("В том числе убийства: снижение на 49,3 % за последние пять лет."),
            n("из них 3 700\u{a0}— матери с детьми"),
            n("около 67 %"),
            "В 2024 году".into(),
        ],
        Lang::En => vec![
            "nearly 100,000".into(),
            "72,000".into(),
            "16,000".into(),
            "69".into(),
            "5,500".into(),
            "3,700".into(),
            "about -50%".into(),
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
            "16\u{a0}June 2024".into(),
            "Life imprisonment".into(),
            "Over the past five years".into(),
            "Of which, murders: down 49.3% over the past five years.".into(),
            "3,700 of them were mothers with children".into(),
            "127 of them were sites promoting suicide".into(),
            "about 67%".into(),
            "In 2024".into(),
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
