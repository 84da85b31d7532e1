//! The embed's downloads as a wasm module of their own, loaded only when a reader asks for
//! a file: the CSV of the visible figures and their picture (SVG; the loader paints the
//! PNG from it). Every reader would otherwise pay for code that few run (about 4 KiB
//! brotli of the main wasm). It reads the same dataset text the widget shows; the work
//! is the pure modules' (`table`, `picture`).
//!
//! ```js
//! const { default: init, csv, svg } = await import("./salystyr_export.js");
//! await init();
//! csv(jsonText, "women,children", "kk"); // the file's text, or undefined if invalid
//! ```

use salystyr::model::{self, Dataset, Lang};
use salystyr::{picture, table};
use wasm_bindgen::prelude::*;

/// The dataset, the categories switched on (ids separated by commas) and the language.
fn read(json: &str, categories: &str, lang: &str) -> Option<(Dataset, Vec<String>, Lang)> {
    let dataset = model::parse(json).ok()?.dataset;
    let active = dataset.select(Some(categories)).active;
    Some((dataset, active, Lang::parse(lang)?))
}

/// The visible figures as CSV (UTF-8 with a byte order mark), in `lang`.
#[wasm_bindgen]
pub fn csv(json: &str, categories: &str, lang: &str) -> Option<String> {
    let (d, active, lang) = read(json, categories, lang)?;
    Some(table::csv(&d, &active, lang))
}

/// The visible figures' picture as an SVG document, in `lang`.
#[wasm_bindgen]
pub fn svg(json: &str, categories: &str, lang: &str) -> Option<String> {
    let (d, active, lang) = read(json, categories, lang)?;
    Some(picture::svg(&picture::picture(&d, &active, lang)))
}
