//! A figure in words: the full text alternative a screen reader reads, in the reader's
//! language, with final values only. Pure Rust.

use crate::compare::{compare, Comparison};
use crate::format;
use crate::i18n::{self, run_on};
use crate::model::{Dataset, Figure, FigureKind, Lang, Step};

/// The period of a figure in its dataset, in `lang`.
pub fn period<'a>(dataset: &'a Dataset, figure: &Figure, lang: Lang) -> Option<&'a str> {
    figure
        .period
        .as_deref()
        .and_then(|id| dataset.period(id))
        .map(|p| p.label.get(lang))
}

/// A change's number in words, with the source's own wording where it has one.
pub fn change_phrase(figure: &Figure, lang: Lang) -> Option<String> {
    match &figure.kind {
        FigureKind::Change { percent, wording } => Some(i18n::change_phrase(
            *percent,
            wording.as_ref().map(|w| w.get(lang)),
            lang,
        )),
        _ => None,
    }
}

/// The words for a change's two ends: the period's own ("5 years ago", "now"), else
/// "before" and "after".
pub fn ends<'a>(dataset: &'a Dataset, figure: &Figure, lang: Lang) -> [&'a str; 2] {
    let s = i18n::strings(lang);
    let period = figure.period.as_deref().and_then(|id| dataset.period(id));
    [
        period
            .and_then(|p| p.before.as_ref())
            .map_or(s.before, |t| t.get(lang)),
        period
            .and_then(|p| p.after.as_ref())
            .map_or(s.after, |t| t.get(lang)),
    ]
}

/// A step, part or whole in words, with its final amount: "72,000 protective orders
/// issued".
pub fn step(step: &Step, lang: Lang) -> String {
    format!(
        "{} {}",
        format::amount(&step.amount, step.amount.value, lang),
        step.label.get(lang)
    )
}

/// The share of a part in words: "67%" when a bar shows it, "1 in N" when it is too
/// small for one.
pub fn share(comparison: &Comparison, lang: Lang) -> Option<String> {
    let Comparison::Part { share, one_in, .. } = comparison else {
        return None;
    };
    match one_in {
        Some(o) if *share < crate::layout::MIN_VISIBLE_SHARE => {
            Some(i18n::one_in(o.n, o.fewer, lang))
        }
        _ => Some(format::percent(share * 100.0, 0, lang, false)),
    }
}

/// The full text alternative of a figure.
pub fn figure(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let label = figure.label.get(lang);
    let period = period(dataset, figure, lang);
    let in_brackets = period
        .map(|p| format!(" ({})", run_on(p)))
        .unwrap_or_default();
    let note = figure
        .note
        .as_ref()
        .map(|n| format!(" {}", n.get(lang)))
        .unwrap_or_default();
    let comparison = compare(&figure.kind);
    let body = match &figure.kind {
        FigureKind::Change { .. } => {
            let phrase = change_phrase(figure, lang).unwrap_or_default();
            let unstated = match period {
                Some(_) => String::new(),
                None => format!(" ({})", run_on(i18n::strings(lang).period_unstated)),
            };
            format!(
                "{}{unstated}.",
                i18n::change_alt(label, &phrase, period, lang)
            )
        }
        FigureKind::Count { amount } => {
            let amount = format::amount(amount, amount.value, lang);
            match (lang, period) {
                // Kazakh puts the time first: "Биыл 94 000-нан астам іс-шара …".
                (Lang::Kk, Some(p)) => format!("{p} {amount} {label}."),
                _ => format!("{} {label}{in_brackets}.", i18n::sentence(&amount)),
            }
        }
        FigureKind::Funnel { steps } => {
            let steps: Vec<String> = steps.iter().map(|s| step(s, lang)).collect();
            format!("{label}{in_brackets}: {}.", steps.join("; "))
        }
        FigureKind::Part { part, whole } => format!(
            "{label}{in_brackets}: {}; {} ({}).",
            step(whole, lang),
            step(part, lang),
            share(&comparison, lang).unwrap_or_default(),
        ),
        FigureKind::Milestone { date, points } => {
            let mut s = format!("{label} ({}).", format::date(*date, lang));
            for p in points {
                s.push(' ');
                s.push_str(p.get(lang));
                s.push('.');
            }
            s
        }
        FigureKind::Statement => format!("{label}."),
    };
    format!("{body}{note}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;

    fn alt(id: &str, lang: Lang) -> String {
        let d = seed();
        figure(&d, d.figure(id).unwrap(), lang)
    }

    #[test]
    fn text_alternatives() {
        let table: &[(&str, Lang, &str)] = &[
            ("women-murder", Lang::En, "Murders: down 49.3% over the last 5 years."),
            ("women-murder", Lang::Ru, "Убийства: снижение на 49,3\u{a0}% за последние 5 лет."),
            ("women-murder", Lang::Kk, "Кісі өлтіру: соңғы 5 жылда 49,3%-ға төмендеді."),
            ("women-rights", Lang::En, "Crimes against women’s rights: halved (-50%) over the last 5 years."),
            ("juvenile-theft", Lang::En, "Theft by minors: down 19% (period not stated in the source)."),
            ("juvenile-theft", Lang::Kk, "Кәмелетке толмағандар жасаған ұрлық: 19%-ға төмендеді (дереккөзде кезең көрсетілмеген)."),
            ("crisis-centres", Lang::En, "69 crisis centres for victims of violence operate in Kazakhstan (today)."),
            ("children-schools", Lang::Kk, "Биыл 94\u{a0}000-нан астам іс-шара оқу орындарында ұйымдастырылды."),
            ("children-schools", Lang::En, "More than 94,000 events organised in educational institutions (this year)."),
            ("children-prevention", Lang::Ru, "Более 12\u{a0}000 профилактических мероприятий проведено по защите прав детей и предупреждению преступности несовершеннолетних (в этом году)."),
            ("dv-response", Lang::En, "Domestic violence: from report to court decision (2024): nearly 100,000 reports received by the police; 72,000 protective orders issued; 16,000 cases ended in a court decision."),
            ("crisis-centre-women", Lang::Ru, "Женщины, обратившиеся в кризисные центры (с начала года): 5\u{a0}500 женщин обратились за помощью; 3\u{a0}700 из них — матери с детьми (67\u{a0}%)."),
            ("online-resources", Lang::En, "Illegal internet resources identified (since the start of the year): more than 35,000 illegal internet resources identified; 127 of them were sites promoting suicide and violence (fewer than 1 in 275)."),
        ];
        for (id, lang, want) in table {
            assert_eq!(alt(id, *lang), *want, "{id} {lang:?}");
        }
        assert!(alt("law-2024", Lang::Ru).starts_with("Вступил в силу закон об обеспечении прав женщин и безопасности детей (16 июня 2024 года)."));
        assert!(alt("law-2024", Lang::En).contains("Life imprisonment for the rape of a minor."));
    }
}
