//! Browser tests: the app mounted inside an open shadow root in headless Chromium,
//! driven by clicks and keys, and number formatting checked against the browser's own
//! `Intl.NumberFormat`. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use salystyr::components::{App, AppProps, Data};
use salystyr::format;
use salystyr::model::{seed, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Mounts an app inside an open shadow root, as the custom element does.
fn mount(lang: Lang, categories: Option<&str>) -> (ShadowRoot, yew::AppHandle<App>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let root = document.create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            data: Data::Ready(seed().into()),
            lang,
            categories: categories.map(|c| c.to_string().into()),
            motion: true,
            shown: false,
            controls: true,
            revision: 0,
            on_change: None,
            on_export: None,
        },
    )
    .render();
    (shadow, app)
}

fn find(shadow: &ShadowRoot, selector: &str) -> HtmlElement {
    shadow
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into()
}

fn attr(e: &Element, name: &str) -> Option<String> {
    e.get_attribute(name)
}

#[wasm_bindgen_test]
async fn clicking_a_language_button_switches_every_text() {
    let (shadow, app) = mount(Lang::Kk, None);
    settle().await;
    let root = find(&shadow, "section.salystyr");
    assert_eq!(attr(&root, "lang").as_deref(), Some("kk"));
    assert!(root.text_content().unwrap().contains("Кісі өлтіру"));

    find(&shadow, "button[lang=en]").click();
    settle().await;
    assert_eq!(attr(&root, "lang").as_deref(), Some("en"));
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Of which, murders: down 49.3% over the past five years"),
        "{text}"
    );
    assert!(text.contains("Domestic violence and juvenile crime in figures"));
    assert!(!text.contains("Кісі өлтіру"));
    assert_eq!(
        attr(&find(&shadow, "button[lang=en]"), "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&find(&shadow, "button[lang=kk]"), "aria-pressed").as_deref(),
        Some("false")
    );

    find(&shadow, "button[lang=ru]").click();
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("В том числе убийства: снижение на 49,3\u{a0}%"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn category_toggles_hide_and_show_and_keep_the_last_one_on() {
    let (shadow, app) = mount(Lang::En, Some("women,children"));
    settle().await;
    let women = find(&shadow, "button.toggle[data-category=women]");
    let group = find(&shadow, "section.group[data-category=women]");
    assert!(!group.hidden());
    assert!(find(&shadow, "section.group[data-category=law]").hidden());

    women.click();
    settle().await;
    assert!(group.hidden());
    assert_eq!(attr(&women, "aria-pressed").as_deref(), Some("false"));

    let children = find(&shadow, "button.toggle[data-category=children]");
    assert_eq!(attr(&children, "aria-disabled").as_deref(), Some("true"));
    children.click();
    settle().await;
    assert!(!find(&shadow, "section.group[data-category=children]").hidden());

    women.click();
    settle().await;
    assert!(!group.hidden());
    assert_eq!(attr(&children, "aria-disabled"), None);
    app.destroy();
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_within_the_language_group() {
    let (shadow, app) = mount(Lang::Kk, None);
    settle().await;
    let kk = find(&shadow, "button[lang=kk]");
    kk.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    kk.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    let focused = shadow.active_element().unwrap();
    assert_eq!(attr(&focused, "lang").as_deref(), Some("ru"));
    init.set_key("End");
    focused
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    assert_eq!(
        attr(&shadow.active_element().unwrap(), "lang").as_deref(),
        Some("en")
    );
    init.set_key("Home");
    shadow
        .active_element()
        .unwrap()
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    assert_eq!(
        attr(&shadow.active_element().unwrap(), "lang").as_deref(),
        Some("kk")
    );
    app.destroy();
}

/// The browser's `Intl.NumberFormat(locale, {min/max fraction digits})` for a value.
fn intl(lang: Lang, value: f64, decimals: u8, percent: bool) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&options, &k.into(), &v).unwrap();
    };
    set("minimumFractionDigits", (decimals as f64).into());
    set("maximumFractionDigits", (decimals as f64).into());
    if percent {
        set("style", "percent".into());
        set("signDisplay", "exceptZero".into());
    }
    let locales = js_sys::Array::of1(&lang.code().into());
    let nf = js_sys::Intl::NumberFormat::new(&locales, &options);
    let value = if percent { value / 100.0 } else { value };
    nf.format()
        .call1(&nf, &value.into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// Whether this browser carries the locale's own number symbols. Debian's Chromium
/// ships ICU data without Kazakh number symbols and formats kk like en ("1,234.5");
/// CLDR, Node, Firefox and Google Chrome give "1 234,5". Where the data is missing, the
/// end-to-end suite checks kk against Node's full-ICU Intl instead.
fn has_locale_data(lang: Lang) -> bool {
    lang == Lang::En || intl(lang, 1234.5, 1, false) != intl(Lang::En, 1234.5, 1, false)
}

/// Kazakh as CLDR writes it (Node's full-ICU `Intl.NumberFormat("kk")`, ICU 78, CLDR
/// 48): the reference where the browser has no Kazakh number data, so that kk is never
/// skipped. Rows of [`NUMBERS`], then of [`PERCENTS`].
const KK_CLDR: [&str; 18] = [
    "0",
    "69",
    "127",
    "1\u{a0}000",
    "1\u{a0}234,5",
    "5\u{a0}500",
    "72\u{a0}000",
    "100\u{a0}000",
    "1\u{a0}234\u{a0}567",
    "-49,3",
    "-8,7",
    "0,36",
    "-49,3%",
    "-37,9%",
    "-50%",
    "-6%",
    "+12,5%",
    "0%",
];

const NUMBERS: [(f64, u8); 12] = [
    (0.0, 0),
    (69.0, 0),
    (127.0, 0),
    (1000.0, 0),
    (1234.5, 1),
    (5500.0, 0),
    (72000.0, 0),
    (100000.0, 0),
    (1234567.0, 0),
    (-49.3, 1),
    (-8.7, 1),
    (0.36, 2),
];

const PERCENTS: [(f64, u8); 6] = [
    (-49.3, 1),
    (-37.9, 1),
    (-50.0, 0),
    (-6.0, 0),
    (12.5, 1),
    (0.0, 0),
];

#[wasm_bindgen_test]
fn numbers_agree_with_the_browsers_intl() {
    assert!(
        has_locale_data(Lang::Ru),
        "this browser has no Russian number data"
    );
    for lang in Lang::ALL {
        // Ours, then the reference: the browser's Intl, or for Kazakh without the
        // browser's data, CLDR's as pinned above.
        let ours = NUMBERS
            .iter()
            .map(|&(v, d)| format::number(v, d, lang))
            .chain(
                PERCENTS
                    .iter()
                    .map(|&(v, d)| format::percent(v, d, lang, true)),
            );
        let reference: Vec<String> = if has_locale_data(lang) {
            NUMBERS
                .iter()
                .map(|&(v, d)| intl(lang, v, d, false))
                .chain(PERCENTS.iter().map(|&(v, d)| intl(lang, v, d, true)))
                .collect()
        } else {
            assert_eq!(
                lang,
                Lang::Kk,
                "no number data for {lang:?} in this browser"
            );
            console_log!("this browser has no Kazakh number data: kk checked against CLDR");
            KK_CLDR.iter().map(|s| s.to_string()).collect()
        };
        let ours: Vec<String> = ours.collect();
        assert_eq!(ours.len(), reference.len());
        for (i, (a, b)) in ours.iter().zip(&reference).enumerate() {
            assert_eq!(a, b, "{lang:?}, row {i}");
        }
    }
}
