//! Locale formatting of numbers, percentages, qualified amounts and dates. Pure Rust.
//!
//! Numbers agree with the browser's `Intl.NumberFormat` for kk, ru and en: kk and ru
//! group thousands with a no-break space (U+00A0) and use a decimal comma; en groups with
//! a comma and uses a decimal point. Percent signs follow Intl too: `49,3%` (kk),
//! `49,3 %` (ru, with U+00A0), `49.3%` (en). Formatting works on integers, not on Rust's
//! float printing, so that the wasm carries no float formatter.

use crate::model::{Amount, Date, Lang, Qualifier};

const NBSP: char = '\u{a0}';

/// How many decimals a dataset number needs to be shown exactly (at most 3):
/// `-49.3` → 1, `72000` → 0.
pub fn decimals_of(value: f64) -> u8 {
    let mut scaled = value.abs();
    for d in 0..3 {
        if (scaled - scaled.round()).abs() < 1e-9 * scaled.max(1.0) {
            return d;
        }
        scaled *= 10.0;
    }
    3
}

fn pow10(d: u8) -> u64 {
    10u64.pow(d as u32)
}

/// Splits `|value|` rounded to `decimals` into integer and fraction digits.
fn split(value: f64, decimals: u8) -> (u64, u64) {
    let scaled = (value.abs() * pow10(decimals) as f64).round() as u64;
    (scaled / pow10(decimals), scaled % pow10(decimals))
}

fn push_digits(out: &mut String, mut n: u64, min_width: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 && buf.len() - i >= min_width {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| b as char));
}

/// A number in the reader's locale with exactly `decimals` decimals, sign only when
/// negative (and not when it rounds to zero): `-1 234,5` (kk, ru), `-1,234.5` (en).
pub fn number(value: f64, decimals: u8, lang: Lang) -> String {
    let (int, frac) = split(value, decimals);
    let mut out = String::new();
    if value < 0.0 && (int, frac) != (0, 0) {
        out.push('-');
    }
    let group = match lang {
        Lang::En => ',',
        Lang::Kk | Lang::Ru => NBSP,
    };
    let mut digits = String::new();
    push_digits(&mut digits, int, 1);
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(if lang == Lang::En { '.' } else { ',' });
        push_digits(&mut out, frac, decimals as usize);
    }
    out
}

/// A percentage given in percent units (`-49.3` → `-49,3 %` in ru). With `signed`, a
/// positive value carries `+`, as Intl's `signDisplay: "exceptZero"`.
pub fn percent(value: f64, decimals: u8, lang: Lang, signed: bool) -> String {
    let mut out = String::new();
    if signed && value > 0.0 && split(value, decimals) != (0, 0) {
        out.push('+');
    }
    out.push_str(&number(value, decimals, lang));
    match lang {
        Lang::Ru => {
            out.push(NBSP);
            out.push('%');
        }
        Lang::Kk | Lang::En => out.push('%'),
    }
    out
}

/// A grammatical case for a Kazakh suffix attached to a written number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Барыс септік: "100 000-ға жуық".
    Dative,
    /// Шығыс септік: "12 000-нан астам".
    Ablative,
    /// Ілік септік: "276-ның".
    Genitive,
    /// Тәуелдік жалғау, 3rd person, after "олардың" (of them): "3 700-і", "127-сі".
    Possessive,
}

/// The last word a Kazakh reader says for a written number: 12 000 → "мың",
/// 276 → "алты", 49,3 → "үш". A percentage is read with the word "пайыз" last.
fn kk_last_word(value: f64, decimals: u8, is_percent: bool) -> &'static str {
    if is_percent {
        return "пайыз";
    }
    let (int, frac) = split(value, decimals);
    let n = if frac != 0 { frac } else { int };
    const UNITS: [&str; 10] = [
        "",
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
    ];
    const TENS: [&str; 10] = [
        "",
        "он",
        "жиырма",
        "отыз",
        "қырық",
        "елу",
        "алпыс",
        "жетпіс",
        "сексен",
        "тоқсан",
    ];
    if n == 0 {
        return "нөл";
    }
    if n % 10 != 0 {
        return UNITS[(n % 10) as usize];
    }
    if (n / 10) % 10 != 0 {
        return TENS[((n / 10) % 10) as usize];
    }
    if (n / 100) % 10 != 0 {
        return "жүз";
    }
    let mut rest = n / 1000;
    for word in ["мың", "миллион", "миллиард", "триллион"] {
        if rest % 1000 != 0 {
            return word;
        }
        rest /= 1000;
    }
    "квадриллион"
}

/// The suffix (without hyphen) that a Kazakh number takes in `case`, chosen by vowel
/// harmony and by the last sound of the number's last word.
pub fn kk_suffix(value: f64, decimals: u8, is_percent: bool, case: Case) -> &'static str {
    let word = kk_last_word(value, decimals, is_percent);
    let is = |set: &str, c: char| set.chars().any(|s| s == c);
    let front = word
        .chars()
        .rev()
        .find(|&c| is("аәеиоөұүыіэюя", c))
        .is_some_and(|c| is("әеөүіи", c));
    let last = word.chars().last().unwrap_or('а');
    // "у" ends "елу" as a consonant: елудің, елуден.
    let vowel = is("аәеиоөұүыіэюя", last);
    // Final б, в, г, д are said voiceless: миллиардтан.
    let voiceless = is("кқпстфхцчшщбвгд", last);
    let nasal = is("мнң", last);
    let pick = |back: &'static str, fr: &'static str| if front { fr } else { back };
    match case {
        Case::Dative if voiceless => pick("қа", "ке"),
        Case::Dative => pick("ға", "ге"),
        Case::Ablative if voiceless => pick("тан", "тен"),
        Case::Ablative if nasal => pick("нан", "нен"),
        Case::Ablative => pick("дан", "ден"),
        Case::Genitive if voiceless => pick("тың", "тің"),
        Case::Genitive if vowel || nasal => pick("ның", "нің"),
        Case::Genitive => pick("дың", "дің"),
        Case::Possessive if vowel => pick("сы", "сі"),
        Case::Possessive => pick("ы", "і"),
    }
}

/// `number` followed by a hyphen and its Kazakh case suffix: "12 000-нан".
pub fn kk_with_suffix(value: f64, decimals: u8, case: Case) -> String {
    format!(
        "{}-{}",
        number(value, decimals, Lang::Kk),
        kk_suffix(value, decimals, false, case)
    )
}

/// An amount shown at `shown` (the animated value; the amount's own value when at rest)
/// with its qualifier in words: "nearly 100,000", "почти 100 000", "100 000-ға жуық".
pub fn amount(amount: &Amount, shown: f64, lang: Lang) -> String {
    let d = decimals_of(amount.value);
    let n = number(shown, d, lang);
    let Some(q) = amount.qualifier else {
        return n;
    };
    match (lang, q) {
        (Lang::En, Qualifier::Nearly) => format!("nearly {n}"),
        (Lang::En, Qualifier::About) => format!("about {n}"),
        (Lang::En, Qualifier::MoreThan) => format!("more than {n}"),
        (Lang::En, Qualifier::LessThan) => format!("less than {n}"),
        (Lang::Ru, Qualifier::Nearly) => format!("почти {n}"),
        (Lang::Ru, Qualifier::About) => format!("около {n}"),
        (Lang::Ru, Qualifier::MoreThan) => format!("более {n}"),
        (Lang::Ru, Qualifier::LessThan) => format!("менее {n}"),
        (Lang::Kk, Qualifier::Nearly) => {
            format!("{} жуық", kk_with_suffix(shown, d, Case::Dative))
        }
        (Lang::Kk, Qualifier::About) => format!("шамамен {n}"),
        (Lang::Kk, Qualifier::MoreThan) => {
            format!("{} астам", kk_with_suffix(shown, d, Case::Ablative))
        }
        (Lang::Kk, Qualifier::LessThan) => {
            format!("{} аз", kk_with_suffix(shown, d, Case::Ablative))
        }
    }
}

/// The number of a part of a whole as it stands after "of them": the amount with its
/// qualifier, in Kazakh in the possessive ("олардың 3 700-і", "олардың 127-ден астамы");
/// the words around it come from `i18n::part_words`.
pub fn part_amount(amount: &Amount, shown: f64, lang: Lang) -> String {
    if lang != Lang::Kk {
        return self::amount(amount, shown, lang);
    }
    let d = decimals_of(amount.value);
    match amount.qualifier {
        None => kk_with_suffix(shown, d, Case::Possessive),
        Some(Qualifier::About) => format!("шамамен {}", kk_with_suffix(shown, d, Case::Possessive)),
        Some(Qualifier::Nearly) => format!("{} жуығы", kk_with_suffix(shown, d, Case::Dative)),
        Some(Qualifier::MoreThan) => {
            format!("{} астамы", kk_with_suffix(shown, d, Case::Ablative))
        }
        Some(Qualifier::LessThan) => format!("{} азы", kk_with_suffix(shown, d, Case::Ablative)),
    }
}

/// A date as a news editor writes it: "2024 жылғы 16 маусым", "16 июня 2024 года",
/// "16 June 2024".
pub fn date(d: Date, lang: Lang) -> String {
    const KK: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = (d.month.clamp(1, 12) - 1) as usize;
    // No-break spaces keep the day with its month, and the year with its word.
    match lang {
        Lang::Kk => format!("{}{NBSP}жылғы {}{NBSP}{}", d.year, d.day, KK[m]),
        Lang::Ru => format!("{}{NBSP}{} {}{NBSP}года", d.day, RU[m], d.year),
        Lang::En => format!("{}{NBSP}{} {}", d.day, EN[m], d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings are what Node's and Chromium's `Intl.NumberFormat` print for
    /// the same locale (`new Intl.NumberFormat("ru").format(1234.5)`).
    #[test]
    fn numbers_per_locale() {
        let table: &[(f64, u8, &str, &str, &str)] = &[
            // value, decimals, kk, ru, en
            (0.0, 0, "0", "0", "0"),
            (69.0, 0, "69", "69", "69"),
            (127.0, 0, "127", "127", "127"),
            (999.0, 0, "999", "999", "999"),
            (1000.0, 0, "1\u{a0}000", "1\u{a0}000", "1,000"),
            (1234.5, 1, "1\u{a0}234,5", "1\u{a0}234,5", "1,234.5"),
            (5500.0, 0, "5\u{a0}500", "5\u{a0}500", "5,500"),
            (16000.0, 0, "16\u{a0}000", "16\u{a0}000", "16,000"),
            (100000.0, 0, "100\u{a0}000", "100\u{a0}000", "100,000"),
            (
                1234567.0,
                0,
                "1\u{a0}234\u{a0}567",
                "1\u{a0}234\u{a0}567",
                "1,234,567",
            ),
            (-49.3, 1, "-49,3", "-49,3", "-49.3"),
            (-8.7, 1, "-8,7", "-8,7", "-8.7"),
            (0.36, 2, "0,36", "0,36", "0.36"),
            (2.05, 1, "2,1", "2,1", "2.1"),
            (-0.04, 1, "0,0", "0,0", "0.0"),
            (50.7, 1, "50,7", "50,7", "50.7"),
            (
                1e12,
                0,
                "1\u{a0}000\u{a0}000\u{a0}000\u{a0}000",
                "1\u{a0}000\u{a0}000\u{a0}000\u{a0}000",
                "1,000,000,000,000",
            ),
        ];
        for &(v, d, kk, ru, en) in table {
            assert_eq!(number(v, d, Lang::Kk), kk, "kk {v}");
            assert_eq!(number(v, d, Lang::Ru), ru, "ru {v}");
            assert_eq!(number(v, d, Lang::En), en, "en {v}");
        }
    }

    #[test]
    fn percents_per_locale() {
        let table: &[(f64, u8, bool, &str, &str, &str)] = &[
            (-49.3, 1, true, "-49,3%", "-49,3\u{a0}%", "-49.3%"),
            (-50.0, 0, true, "-50%", "-50\u{a0}%", "-50%"),
            (-6.0, 0, true, "-6%", "-6\u{a0}%", "-6%"),
            (12.5, 1, true, "+12,5%", "+12,5\u{a0}%", "+12.5%"),
            (12.5, 1, false, "12,5%", "12,5\u{a0}%", "12.5%"),
            (0.0, 0, true, "0%", "0\u{a0}%", "0%"),
            (
                1500.0,
                0,
                true,
                "+1\u{a0}500%",
                "+1\u{a0}500\u{a0}%",
                "+1,500%",
            ),
        ];
        for &(v, d, signed, kk, ru, en) in table {
            assert_eq!(percent(v, d, Lang::Kk, signed), kk, "kk {v}");
            assert_eq!(percent(v, d, Lang::Ru, signed), ru, "ru {v}");
            assert_eq!(percent(v, d, Lang::En, signed), en, "en {v}");
        }
    }

    #[test]
    fn decimals_needed() {
        let table = [
            (72000.0, 0),
            (-49.3, 1),
            (-8.7, 1),
            (0.36, 2),
            (1.125, 3),
            (1.0 / 3.0, 3),
            (0.0, 0),
        ];
        for (v, d) in table {
            assert_eq!(decimals_of(v), d, "{v}");
        }
    }

    #[test]
    fn kazakh_suffixes() {
        use Case::*;
        let table: &[(f64, u8, Case, &str)] = &[
            (100000.0, 0, Dative, "100\u{a0}000-ға"),
            (12000.0, 0, Ablative, "12\u{a0}000-нан"),
            (35000.0, 0, Ablative, "35\u{a0}000-нан"),
            (94000.0, 0, Ablative, "94\u{a0}000-нан"),
            (100.0, 0, Ablative, "100-ден"),
            (5.0, 0, Dative, "5-ке"),
            (5.0, 0, Ablative, "5-тен"),
            (3.0, 0, Ablative, "3-тен"),
            (6.0, 0, Ablative, "6-дан"),
            (7.0, 0, Dative, "7-ге"),
            (40.0, 0, Dative, "40-қа"),
            (10.0, 0, Ablative, "10-нан"),
            (20.0, 0, Genitive, "20-ның"),
            (276.0, 0, Genitive, "276-ның"),
            (275.0, 0, Genitive, "275-тің"),
            (30.0, 0, Genitive, "30-дың"),
            (50.0, 0, Genitive, "50-дің"),
            (50.0, 0, Ablative, "50-ден"),
            (1e9, 0, Ablative, "1\u{a0}000\u{a0}000\u{a0}000-тан"),
            (2_000_000.0, 0, Ablative, "2\u{a0}000\u{a0}000-нан"),
            (5.5, 1, Ablative, "5,5-тен"),
            (3700.0, 0, Possessive, "3\u{a0}700-і"),
            (5500.0, 0, Possessive, "5\u{a0}500-і"),
            (127.0, 0, Possessive, "127-сі"),
            (20.0, 0, Possessive, "20-сы"),
            (6.0, 0, Possessive, "6-сы"),
            (40.0, 0, Possessive, "40-ы"),
            (1000.0, 0, Possessive, "1\u{a0}000-ы"),
            (2.0, 0, Possessive, "2-сі"),
            (30.0, 0, Possessive, "30-ы"),
            (50.0, 0, Possessive, "50-і"),
            (1e6, 0, Possessive, "1\u{a0}000\u{a0}000-ы"),
        ];
        for &(v, d, case, want) in table {
            assert_eq!(kk_with_suffix(v, d, case), want, "{v} {case:?}");
        }
        assert_eq!(kk_suffix(-49.3, 1, true, Dative), "ға");
    }

    #[test]
    fn qualified_amounts() {
        let a = |value, qualifier| Amount { value, qualifier };
        let table: &[(Amount, Lang, &str)] = &[
            (
                a(100000.0, Some(Qualifier::Nearly)),
                Lang::Kk,
                "100\u{a0}000-ға жуық",
            ),
            (
                a(100000.0, Some(Qualifier::Nearly)),
                Lang::Ru,
                "почти 100\u{a0}000",
            ),
            (
                a(100000.0, Some(Qualifier::Nearly)),
                Lang::En,
                "nearly 100,000",
            ),
            (
                a(12000.0, Some(Qualifier::MoreThan)),
                Lang::Kk,
                "12\u{a0}000-нан астам",
            ),
            (
                a(12000.0, Some(Qualifier::MoreThan)),
                Lang::Ru,
                "более 12\u{a0}000",
            ),
            (
                a(12000.0, Some(Qualifier::MoreThan)),
                Lang::En,
                "more than 12,000",
            ),
            (a(50.0, Some(Qualifier::About)), Lang::Kk, "шамамен 50"),
            (a(50.0, Some(Qualifier::LessThan)), Lang::Kk, "50-ден аз"),
            (a(69.0, None), Lang::En, "69"),
        ];
        for (amt, lang, want) in table {
            assert_eq!(amount(amt, amt.value, *lang), *want, "{amt:?} {lang:?}");
        }
    }

    #[test]
    fn parts_after_of_them() {
        let a = |value, qualifier| Amount { value, qualifier };
        let table: &[(Amount, Lang, &str)] = &[
            (a(3700.0, None), Lang::Kk, "3\u{a0}700-і"),
            (a(127.0, None), Lang::Kk, "127-сі"),
            (
                a(127.0, Some(Qualifier::MoreThan)),
                Lang::Kk,
                "127-ден астамы",
            ),
            (a(100.0, Some(Qualifier::Nearly)), Lang::Kk, "100-ге жуығы"),
            (a(40.0, Some(Qualifier::LessThan)), Lang::Kk, "40-тан азы"),
            (a(60.0, Some(Qualifier::About)), Lang::Kk, "шамамен 60-ы"),
            (a(3700.0, None), Lang::Ru, "3\u{a0}700"),
            (a(3700.0, Some(Qualifier::Nearly)), Lang::En, "nearly 3,700"),
        ];
        for (amt, lang, want) in table {
            assert_eq!(
                part_amount(amt, amt.value, *lang),
                *want,
                "{amt:?} {lang:?}"
            );
        }
    }

    #[test]
    fn dates_per_locale() {
        let d = Date {
            year: 2024,
            month: 6,
            day: 16,
        };
        assert_eq!(date(d, Lang::Kk), "2024\u{a0}жылғы 16\u{a0}маусым");
        assert_eq!(date(d, Lang::Ru), "16\u{a0}июня 2024\u{a0}года");
        assert_eq!(date(d, Lang::En), "16\u{a0}June 2024");
    }
}
