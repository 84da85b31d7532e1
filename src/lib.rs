//! Salystyr: an embeddable before/after infographic of an article's figures, in Kazakh,
//! Russian and English.
//!
//! The pipeline runs one way: [`model`] (dataset → figure) → [`compare`] (comparison,
//! delta computed) → [`layout`] (placed geometry) → [`components`] (view). `model`,
//! `format`, `i18n`, `compare`, `layout`, `describe` and `picture` are pure Rust, tested natively;
//! `embed` is the wasm entry that the custom element calls.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod compare;
pub mod components;
pub mod describe;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod embed;

/// Talc instead of dlmalloc for the wasm: the same job in a seventh of the size.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod minify;
pub mod model;
pub mod picture;
pub mod state;
pub mod table;
