//! A bounded mutation fuzzer for parsing, validation and rendering: random edits of the
//! seed dataset and of small valid ones, plus random JSON, must never panic; whatever
//! validates must render (server-side, every language), describe itself, draw its picture
//! within its bounds and export its table as CSV without panicking either.
//!
//! Runs for `FUZZ_SECONDS` (default 8) with a seed from `FUZZ_SEED` (default: the
//! clock, printed so that a failure can be replayed). No nightly toolchain needed.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use salystyr::model::{self, Lang, SEED_JSON};

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-",
    "0",
    "1e309",
    "-100",
    "1e15",
    "NaN",
    "\"kind\"",
    "\"change\"",
    "\"count\"",
    "\"funnel\"",
    "\"part\"",
    "\"milestone\"",
    "\"statement\"",
    "\"of\"",
    "\"period\"",
    "\"value\"",
    "\"qualifier\"",
    "\"more-than\"",
    "\"steps\":[]",
    "\"points\":[]",
    "\"kk\"",
    "\u{0}",
    "\u{1F600}",
    "қ",
    "<script>",
    "\\u0000",
    "\\ud800",
    "99999999999999999999",
    "0.0000001",
    "\"2024-02-29\"",
    "\"women-murder\"",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(6) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(40)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => s.splice(at..at, rng.pick(TOKENS).chars()).for_each(drop),
            2 if !s.is_empty() => {
                // Duplicate a slice somewhere else: repeated keys, nested copies.
                let from = rng.below(s.len());
                let len = rng.below(200).min(s.len() - from);
                let copy: Vec<char> = s[from..from + len].to_vec();
                let at = at.min(s.len());
                s.splice(at..at, copy).for_each(drop);
            }
            3 if at < s.len() => s[at] = char::from_u32(rng.below(0x500) as u32).unwrap_or('x'),
            4 => {
                // Replace a number with an extreme one.
                if let Some(pos) = s[at.min(s.len())..].iter().position(|c| c.is_ascii_digit()) {
                    let p = at + pos;
                    s.splice(
                        p..p + 1,
                        rng.pick(&["-1", "1e300", "0", "-0", "100001", "3.5"])
                            .chars(),
                    )
                    .for_each(drop);
                }
            }
            _ => {}
        }
    }
    s.into_iter().collect()
}

fn random_json(rng: &mut Rng, depth: usize) -> String {
    match if depth > 6 {
        rng.below(4)
    } else {
        rng.below(7)
    } {
        0 => "null".into(),
        1 => format!("{}", rng.next() as i64 as f64 / 1e3),
        2 => format!("\"{}\"", rng.pick(TOKENS).replace('"', "")),
        3 => rng
            .pick(&["true", "false", "\"salystyr/1\"", "\"kk\""])
            .into(),
        4 | 5 => {
            let n = rng.below(5);
            let items: Vec<String> = (0..n).map(|_| random_json(rng, depth + 1)).collect();
            format!("[{}]", items.join(","))
        }
        _ => {
            let keys = [
                "format",
                "id",
                "title",
                "source",
                "categories",
                "figures",
                "kind",
                "kk",
                "label",
                "value",
            ];
            let n = rng.below(6);
            let fields: Vec<String> = (0..n)
                .map(|_| {
                    format!(
                        "\"{}\":{}",
                        keys[rng.below(keys.len())],
                        random_json(rng, depth + 1)
                    )
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        }
    }
}

#[test]
fn parsing_validation_and_rendering_never_panic() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("FUZZ_SEED={seed} FUZZ_SECONDS={seconds}");
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut valid) = (0u64, 0u64);
    while Instant::now() < deadline {
        let text = match rng.below(10) {
            0..=6 => mutate(&mut rng, SEED_JSON),
            7 | 8 => random_json(&mut rng, 0),
            _ => {
                let base = random_json(&mut rng, 0);
                mutate(&mut rng, &base)
            }
        };
        runs += 1;
        if let Ok(parsed) = model::parse(&text) {
            valid += 1;
            // Rendering every valid variant is slow; render one in eight.
            let all: Vec<String> = parsed
                .dataset
                .categories
                .iter()
                .map(|c| c.id.clone())
                .collect();
            for lang in Lang::ALL {
                let csv = salystyr::table::csv(&parsed.dataset, &all, lang);
                assert!(csv.starts_with('\u{feff}'), "FUZZ_SEED={seed}");
                for f in &parsed.dataset.figures {
                    salystyr::describe::figure(&parsed.dataset, f, lang);
                }
                let picture = salystyr::picture::picture(&parsed.dataset, &all, lang);
                for m in &picture.marks {
                    let (_, right, bottom) = m.extent();
                    assert!(
                        right <= picture.width && bottom <= picture.height,
                        "FUZZ_SEED={seed}: {m:?} off the picture"
                    );
                }
                assert!(salystyr::picture::svg(&picture).ends_with("</svg>"));
            }
            if valid % 8 == 1 {
                let d = Rc::new(parsed.dataset);
                for lang in Lang::ALL {
                    let html = salystyr::cli::html(d.clone(), lang, None);
                    assert!(html.contains("salystyr"), "FUZZ_SEED={seed}");
                }
            }
        }
    }
    println!("{runs} inputs, {valid} valid");
    assert!(runs > 100, "the fuzzer ran only {runs} inputs");
}
