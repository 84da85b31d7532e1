//! The visible figures as rows, for the table view and the CSV download, in the reader's
//! language. Pure Rust.

use crate::describe;
use crate::format;
use crate::i18n::{self, strings};
use crate::model::{Dataset, FigureKind, Lang, Qualifier};

/// One line of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub category: String,
    /// The figure's label, with "of which" before a part of another figure.
    pub figure: String,
    /// The step, part or point the row is about; empty for the figure itself.
    pub detail: String,
    /// The value as the reader sees it: "почти 100 000", "-49,3 %", "16 июня 2024 года".
    pub shown: String,
    /// The bare number, for spreadsheets; `None` for dates and statements.
    pub number: Option<f64>,
    /// "%" for changes and shares, else empty.
    pub unit: &'static str,
    /// The qualifier in words ("more than"), empty for an exact value.
    pub qualifier: &'static str,
    pub period: String,
}

/// The rows of the figures in the `active` categories, in dataset order.
pub fn rows(d: &Dataset, active: &[String], lang: Lang) -> Vec<Row> {
    let mut out = Vec::new();
    for f in d.figures.iter().filter(|f| active.contains(&f.category)) {
        let category = d
            .category(&f.category)
            .map(|c| c.label.get(lang))
            .unwrap_or_default();
        let figure = i18n::scoped(f.label.get(lang), f.of.is_some(), false, lang);
        let period = describe::when(d, f, lang).unwrap_or_default().to_string();
        let row = |detail: &str, shown: String, number: Option<f64>, unit, qualifier| Row {
            category: category.to_string(),
            figure: figure.clone(),
            detail: detail.to_string(),
            shown,
            number,
            unit,
            qualifier,
            period: period.clone(),
        };
        let qualifier =
            |a: &crate::model::Amount| a.qualifier.map_or("", |q| i18n::qualifier_name(q, lang));
        let step = |s: &crate::model::Step| {
            let shown = format::amount(&s.amount, s.amount.value, lang);
            row(
                s.label.get(lang),
                shown,
                Some(s.amount.value),
                "",
                qualifier(&s.amount),
            )
        };
        match &f.kind {
            FigureKind::Change { percent, wording } => {
                let words = wording.as_ref().map(|w| w.get(lang));
                let shown = i18n::change_value(*percent, words, lang);
                // A number derived from the source's words ("halved") is approximate.
                let qualifier = match words {
                    Some(_) => i18n::qualifier_name(Qualifier::About, lang),
                    None => "",
                };
                out.push(row("", shown, Some(*percent), "%", qualifier));
            }
            FigureKind::Count { amount } => {
                let shown = format::amount(amount, amount.value, lang);
                out.push(row("", shown, Some(amount.value), "", qualifier(amount)));
            }
            FigureKind::Funnel { steps } => out.extend(steps.iter().map(step)),
            FigureKind::Part { part, whole } => {
                out.push(step(whole));
                let mut of_them = step(part);
                of_them.detail = i18n::scoped(part.label.get(lang), true, false, lang);
                out.push(of_them);
                let comparison = crate::compare::compare(&f.kind);
                if let crate::compare::Comparison::Part { share, one_in, .. } = comparison {
                    let shown = describe::share(&comparison, lang).unwrap_or_default();
                    let fewer = one_in.is_some_and(|o| o.fewer);
                    let (number, q) = share_percent(share * 100.0, fewer);
                    out.push(row(
                        strings(lang).share,
                        shown,
                        Some(number),
                        "%",
                        i18n::qualifier_name(q, lang),
                    ));
                }
            }
            FigureKind::Milestone { date, points } => {
                out.push(row("", format::date(*date, lang), None, "", ""));
                for p in points {
                    out.push(row(p.get(lang), String::new(), None, "", ""));
                }
            }
            FigureKind::Statement => {
                let note = f.note.as_ref().map(|n| n.get(lang)).unwrap_or_default();
                out.push(row(note, String::new(), None, "", ""));
            }
        }
    }
    out
}

/// A share in percent computed from rounded figures, as a spreadsheet should get it:
/// rounded to what the figures can tell (whole percents from 10 %, one decimal from 1 %,
/// else two) and qualified: "about", or "less than" when the true share is smaller
/// (the whole was "more than"), then rounded up so that the statement stays true.
pub fn share_percent(percent: f64, fewer: bool) -> (f64, Qualifier) {
    let decimals = if percent >= 10.0 {
        0
    } else if percent >= 1.0 {
        1
    } else {
        2
    };
    let scale = 10f64.powi(decimals);
    if fewer {
        ((percent * scale).ceil() / scale, Qualifier::LessThan)
    } else {
        ((percent * scale).round() / scale, Qualifier::About)
    }
}

/// Appends a CSV field: quoted when it holds a separator, a quote or a line break, and
/// with a leading apostrophe when a spreadsheet would take it for a formula (`=`, `+`,
/// `@`, or `-` before anything but a number).
fn field(out: &mut String, s: &str) {
    let numeric = s.len() > 1
        && s.chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' ' | '\u{a0}'));
    let formula = match s.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !numeric,
        _ => false,
    };
    let quote = s.chars().any(|c| matches!(c, ',' | '"' | '\n' | '\r'));
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// A number for a spreadsheet: decimal point, no grouping, as few decimals as needed.
fn bare(out: &mut String, n: f64) {
    let text = format::number(n, format::decimals_of(n), Lang::En);
    out.extend(text.chars().filter(|&c| c != ','));
}

/// The visible figures as CSV: UTF-8 with a byte order mark (so that spreadsheet
/// programs read Cyrillic correctly), comma-separated, CRLF line ends, headers and texts
/// in the reader's language, numbers with a decimal point; the source on the last line.
pub fn csv(d: &Dataset, active: &[String], lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::from("\u{feff}");
    let header = [
        s.col_category,
        s.col_figure,
        s.col_detail,
        s.col_value,
        s.col_number,
        s.col_unit,
        s.col_qualifier,
        s.col_period,
    ];
    for (i, h) in header.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, h);
    }
    out.push_str("\r\n");
    for r in rows(d, active, lang) {
        for (i, text) in [&r.category, &r.figure, &r.detail, &r.shown]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, text);
        }
        out.push(',');
        if let Some(n) = r.number {
            bare(&mut out, n);
        }
        for text in [r.unit, r.qualifier, &r.period] {
            out.push(',');
            field(&mut out, text);
        }
        out.push_str("\r\n");
    }
    field(
        &mut out,
        &format!("{}: {}", s.source, d.source.text.get(lang)),
    );
    if let Some(url) = &d.source.url {
        out.push(',');
        field(&mut out, url);
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;

    fn all() -> Vec<String> {
        seed().categories.iter().map(|c| c.id.clone()).collect()
    }

    #[test]
    fn rows_cover_every_number_with_its_qualifier() {
        let d = seed();
        let rows = rows(&d, &all(), Lang::En);
        let find = |detail: &str| rows.iter().find(|r| r.detail == detail).unwrap();
        let reports = find("reports received by the police");
        assert_eq!(reports.shown, "nearly 100,000");
        assert_eq!(
            (reports.number, reports.qualifier, reports.period.as_str()),
            (Some(100000.0), "nearly", "In 2024")
        );
        let murder = rows
            .iter()
            .find(|r| r.figure == "of which murders")
            .unwrap();
        assert_eq!(
            (murder.shown.as_str(), murder.number, murder.unit),
            ("-49.3%", Some(-49.3), "%")
        );
        let halved = rows
            .iter()
            .find(|r| r.figure == "Crimes against women’s rights")
            .unwrap();
        assert_eq!(
            (halved.shown.as_str(), halved.number, halved.qualifier),
            ("halved (about -50%)", Some(-50.0), "about")
        );
        let mothers = find("of which mothers with children");
        assert_eq!(
            (mothers.shown.as_str(), mothers.number),
            ("3,700", Some(3700.0))
        );
        let shares: Vec<_> = rows
            .iter()
            .filter(|r| r.detail == "Share")
            .map(|r| (r.shown.as_str(), r.number, r.qualifier))
            .collect();
        assert_eq!(
            shares,
            [
                ("about 67%", Some(67.0), "about"),
                ("fewer than 1 in 275", Some(0.37), "less than")
            ]
        );
        assert!(rows.iter().any(|r| r.shown == "16\u{a0}June 2024"));
        let schools = rows
            .iter()
            .find(|r| r.figure == "events held in educational institutions")
            .unwrap();
        assert_eq!(schools.period, "Period not stated in the source");
        assert_eq!(rows.len(), 3 + 1 + 3 + 4 + 2 + 1 + 4 + 3 + 1 + 2);
    }

    #[test]
    fn shares_rounded_to_what_rounded_figures_tell() {
        let table = [
            (67.2727, false, 67.0, Qualifier::About),
            (5.55, false, 5.6, Qualifier::About),
            (0.362857, true, 0.37, Qualifier::LessThan),
            (0.362857, false, 0.36, Qualifier::About),
            (12.01, true, 13.0, Qualifier::LessThan),
        ];
        for (percent, fewer, want, q) in table {
            let (got, qualifier) = share_percent(percent, fewer);
            assert!((got - want).abs() < 1e-9, "{percent}: {got}");
            assert_eq!(qualifier, q);
        }
    }

    #[test]
    fn only_active_categories() {
        let d = seed();
        let rows = rows(&d, &["online".to_string()], Lang::Ru);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.category == "Интернет"));
        assert_eq!(rows[0].shown, "более 35\u{a0}000");
    }

    #[test]
    fn csv_has_a_bom_headers_in_the_language_and_plain_numbers() {
        let d = seed();
        let text = csv(&d, &["women".to_string()], Lang::Kk);
        assert!(text.starts_with("\u{feff}Санат,Көрсеткіш,"));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.len(), 1 + 4 + 1 + 1);
        assert!(lines[3].contains(",-49.3,%,"), "{}", lines[3]);
        assert!(
            lines[1].contains("екі есеге азайды (шамамен -50%),-50,%,шамамен,"),
            "{}",
            lines[1]
        );
        assert!(lines[5].starts_with("\"Дереккөз: ҚР"), "{}", lines[5]);
        let en = csv(&d, &["domestic-violence".to_string()], Lang::En);
        assert!(
            en.contains(",\"nearly 100,000\",100000,,nearly,In 2024\r\n"),
            "{en}"
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        let f = |s: &str| {
            let mut out = String::new();
            field(&mut out, s);
            out
        };
        let b = |n: f64| {
            let mut out = String::new();
            bare(&mut out, n);
            out
        };
        assert_eq!(f("a,b"), "\"a,b\"");
        assert_eq!(f("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(f("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(f("-49.3%"), "-49.3%");
        assert_eq!(f("-1+2"), "'-1+2");
        assert_eq!(f("plain"), "plain");
        assert_eq!(b(100000.0), "100000");
        assert_eq!(b(-49.3), "-49.3");
        assert_eq!(b(1234567.5), "1234567.5");
    }
}
