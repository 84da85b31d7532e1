//! Minifiers for the texts compiled into the wasm and written into the bundle: JSON and
//! the stylesheet. Pure Rust; `build.rs` includes this file too (`#[path]`), for the
//! embedded dataset and stylesheet.

/// Drops whitespace outside strings.
pub fn json(s: &str) -> String {
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
pub fn css(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_strings_as_they_are() {
        let table = [
            ("{ \"a\" : [ 1, 2 ] }", "{\"a\":[1,2]}"),
            (
                "{\"t\": \"two  spaces, \\\" quoted \\\\\" }",
                "{\"t\":\"two  spaces, \\\" quoted \\\\\"}",
            ),
            ("\n[\n\t\"ж ж\"\n]\n", "[\"ж ж\"]"),
        ];
        for (from, to) in table {
            assert_eq!(json(from), to, "{from}");
        }
    }

    #[test]
    fn css_drops_comments_and_spare_whitespace() {
        let table = [
            (
                "/* c */ .a  .b {\n  color: red;\n  margin: 0 auto;\n}",
                ".a .b{color:red;margin:0 auto}",
            ),
            (
                "@container (max-width: 400px) {\n  .a { padding: 14px; }\n}",
                "@container (max-width: 400px){.a{padding:14px}}",
            ),
            (".x > .y , .z { a: b }", ".x>.y,.z{a:b}"),
        ];
        for (from, to) in table {
            assert_eq!(css(from), to, "{from}");
        }
    }
}
