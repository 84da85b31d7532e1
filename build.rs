//! Minifies the embedded default dataset and stylesheet into OUT_DIR, so that the wasm
//! does not carry their indentation. The sources stay readable in data/ and src/.

use std::{env, fs, path::Path};

#[path = "src/minify.rs"]
mod minify;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/minify.rs");
    for (src, dst, shrink) in [
        (
            "data/seed.json",
            "seed.min.json",
            minify::json as fn(&str) -> String,
        ),
        ("src/style.css", "style.min.css", minify::css),
    ] {
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(src).expect("readable source");
        fs::write(Path::new(&out).join(dst), shrink(&text)).expect("writable OUT_DIR");
    }
}
