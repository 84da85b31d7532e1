//! A small, strict JSON reader (RFC 8259) for datasets. Pure Rust.
//!
//! Written for the embed's size: serde_json and Rust's float parser and printer cost the
//! wasm tens of kilobytes. Objects keep their keys in order (for warnings in document
//! order); a repeated key keeps its last value, as `JSON.parse` does. Nesting is limited
//! to [`MAX_DEPTH`]. Numbers are exact (correctly rounded) when they have at most 15
//! significant digits and a decimal exponent within ±22, which covers any figure in an
//! article; longer numbers are read to within a few units in the last place.

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value of `key` in an object (the last one if the key repeats).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why the text is not JSON, and where: 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    /// Nesting deeper than [`MAX_DEPTH`], rather than malformed text.
    pub too_deep: bool,
}

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
        depth: 0,
        too_deep: false,
    };
    match p.value() {
        Some(v) => {
            p.space();
            if p.at == p.s.len() {
                Ok(v)
            } else {
                Err(p.error(text))
            }
        }
        None => Err(p.error(text)),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
    depth: usize,
    too_deep: bool,
}

impl Parser<'_> {
    fn error(&self, text: &str) -> SyntaxError {
        let at = self.at.min(text.len());
        let before = &text.as_bytes()[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Count characters, not bytes, and never split a UTF-8 sequence.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        SyntaxError {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column,
            too_deep: self.too_deep,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self, w: &[u8], v: Value) -> Option<Value> {
        if self.s[self.at..].starts_with(w) {
            self.at += w.len();
            Some(v)
        } else {
            None
        }
    }

    fn value(&mut self) -> Option<Value> {
        self.space();
        match self.peek()? {
            b'{' => self.nested(Parser::object),
            b'[' => self.nested(Parser::array),
            b'"' => self.string().map(Value::String),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'n' => self.word(b"null", Value::Null),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => None,
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Option<Value>) -> Option<Value> {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return None;
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn array(&mut self) -> Option<Value> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn object(&mut self) -> Option<Value> {
        self.at += 1;
        let mut fields = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Some(Value::Object(fields));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return None;
            }
            let value = self.value()?;
            fields.push((key, value));
            self.space();
            if self.eat(b'}') {
                return Some(Value::Object(fields));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.at += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return None;
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => return None,
                _ => out.push(c),
            }
        }
    }

    fn digits(&mut self, mantissa: &mut u64, exp: &mut i32, fraction: bool) -> usize {
        let start = self.at;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            if *mantissa < 1_000_000_000_000_000_000 / 10 {
                *mantissa = *mantissa * 10 + (d - b'0') as u64;
                if fraction {
                    *exp -= 1;
                }
            } else if !fraction {
                // Digits beyond what fits only scale the value.
                *exp += 1;
            }
        }
        self.at - start
    }

    fn number(&mut self) -> Option<f64> {
        let negative = self.eat(b'-');
        let (mut mantissa, mut exp) = (0u64, 0i32);
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if self.digits(&mut mantissa, &mut exp, false) == 0 {
            return None;
        }
        if self.eat(b'.') && self.digits(&mut mantissa, &mut exp, true) == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = if self.eat(b'-') {
                -1
            } else {
                self.eat(b'+');
                1
            };
            let (mut e, mut ignored) = (0u64, 0i32);
            if self.digits(&mut e, &mut ignored, false) == 0 {
                return None;
            }
            exp = exp.saturating_add(sign * e.min(100_000) as i32);
        }
        let m = mantissa as f64;
        let value = if mantissa == 0 {
            0.0
        } else if mantissa < (1 << 53) && (0..=22).contains(&exp) {
            m * POW10[exp as usize]
        } else if mantissa < (1 << 53) && (-22..0).contains(&exp) {
            // Both exact, so the division is correctly rounded.
            m / POW10[(-exp) as usize]
        } else {
            m * 10f64.powi(exp.clamp(-400, 400))
        };
        Some(if negative { -value } else { value })
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let table: &[(&str, Value)] = &[
            ("null", Value::Null),
            (" true ", Value::Bool(true)),
            ("false", Value::Bool(false)),
            ("0", Value::Number(0.0)),
            ("-0", Value::Number(-0.0)),
            ("-49.3", Value::Number(-49.3)),
            ("100000", Value::Number(100000.0)),
            ("1e3", Value::Number(1000.0)),
            ("2.5E-1", Value::Number(0.25)),
            ("0.1", Value::Number(0.1)),
            ("\"a\\\"b\\\\c\\/\\n\"", Value::String("a\"b\\c/\n".into())),
            (
                "\"\\u049b\\u0430\\ud83d\\ude00\"",
                Value::String("қа😀".into()),
            ),
            ("\"Қазақша\"", Value::String("Қазақша".into())),
            ("[]", Value::Array(vec![])),
            (
                "[1, [2]]",
                Value::Array(vec![
                    Value::Number(1.0),
                    Value::Array(vec![Value::Number(2.0)]),
                ]),
            ),
            ("{}", Value::Object(vec![])),
            (
                "{\"a\": 1, \"b\": {\"c\": null}}",
                Value::Object(vec![
                    ("a".into(), Value::Number(1.0)),
                    ("b".into(), Value::Object(vec![("c".into(), Value::Null)])),
                ]),
            ),
        ];
        for (text, want) in table {
            assert_eq!(parse(text).as_ref(), Ok(want), "{text}");
        }
    }

    #[test]
    fn numbers_match_the_standard_parser() {
        for text in [
            "-49.3",
            "37.9",
            "8.7",
            "0.36",
            "12.5",
            "99.99",
            "1234567.891",
            "-100",
            "3.14159",
            "1.5e300",
            "2.5e-300",
            "123456789012345678",
        ] {
            let want: f64 = text.parse().unwrap();
            let got = parse(text).unwrap().as_f64().unwrap();
            assert!(
                ((got - want) / want).abs() < 1e-14,
                "{text}: {got} vs {want}"
            );
        }
        for text in ["-49.3", "37.9", "8.7", "0.36", "12.5", "72000", "1e15"] {
            assert_eq!(
                parse(text).unwrap().as_f64(),
                Some(text.parse().unwrap()),
                "{text} exact"
            );
        }
    }

    #[test]
    fn errors_with_position() {
        let table: &[(&str, usize, usize)] = &[
            ("", 1, 1),
            ("{", 1, 2),
            ("{\"a\" 1}", 1, 6),
            ("[1,]", 1, 4),
            ("[01]", 1, 3),
            ("{\n  \"a\": tru\n}", 2, 8),
            ("\"unterminated", 1, 14),
            ("\"bad \\x escape\"", 1, 8),
            ("\"raw\nnewline\"", 2, 1),
            ("1 2", 1, 3),
            ("-", 1, 2),
            ("1.", 1, 3),
            ("{\"қ\": x}", 1, 7),
            ("NaN", 1, 1),
            ("\"\\ud800\"", 1, 8),
        ];
        for &(text, line, column) in table {
            let e = parse(text).expect_err(text);
            assert_eq!((e.line, e.column), (line, column), "{text:?}");
            assert!(!e.too_deep);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.too_deep);
    }

    #[test]
    fn repeated_keys_keep_the_last_value() {
        let v = parse("{\"a\": 1, \"a\": 2}").unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number(2.0)));
    }
}
