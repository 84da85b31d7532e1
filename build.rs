//! Minifies the embedded default dataset and stylesheet into OUT_DIR, so that the wasm
//! does not carry their indentation. The sources stay readable in data/ and src/.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (src, dst, minify) in [
        (
            "data/seed.json",
            "seed.min.json",
            minify_json as fn(&str) -> String,
        ),
        ("src/style.css", "style.min.css", minify_css),
    ] {
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(src).expect("readable source");
        fs::write(Path::new(&out).join(dst), minify(&text)).expect("writable OUT_DIR");
    }
}

/// Drops whitespace outside strings.
fn minify_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in s.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Drops comments, collapses whitespace, and removes it around `{ } ; , >` and after
/// `:` in declarations. Strings in the stylesheet hold no significant whitespace.
fn minify_css(s: &str) -> String {
    let mut text = String::new();
    let mut rest = s;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    let tight = |c: char| "{};,>".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().last().unwrap_or(' ');
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if tight(prev) || tight(next) || prev == ':' && depth(&out) > 0 {
                continue;
            }
        }
        out.push(c);
    }
    out.replace(";}", "}")
}

/// How many blocks are open at the end of `s`: inside one, `a: b` is a declaration.
fn depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '{' => d + 1,
        '}' => d - 1,
        _ => d,
    })
}
