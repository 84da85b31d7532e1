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

/// When a figure's numbers hold, as the card, the table and the picture say it: its
/// period, or for a figure with numbers and no period, that the source does not state
/// one. `None` for milestones (dated) and statements.
pub fn when<'a>(dataset: &'a Dataset, figure: &Figure, lang: Lang) -> Option<&'a str> {
    period(dataset, figure, lang).or_else(|| {
        figure
            .kind
            .has_numbers()
            .then_some(i18n::strings(lang).period_unstated)
    })
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

/// The number of a change that the source gives in words ("halved"), derived from them
/// and so approximate: "about -50%", "около -50 %", "шамамен -50%". `None` where the
/// source gives the number itself.
pub fn derived_change(figure: &Figure, lang: Lang) -> Option<String> {
    match &figure.kind {
        FigureKind::Change {
            percent,
            wording: Some(_),
        } => Some(i18n::about(
            &format::percent(*percent, format::decimals_of(*percent), lang, true),
            lang,
        )),
        _ => None,
    }
}

/// The levels printed beside a change's two index bars: "100" and "50,7"; where the
/// change is the source's words, the level after it is derived and marked so: "≈50".
pub fn index_levels(figure: &Figure, lang: Lang) -> Option<[String; 2]> {
    let FigureKind::Change { percent, wording } = &figure.kind else {
        return None;
    };
    let Comparison::Change { before, after, .. } = compare(&figure.kind) else {
        return None;
    };
    let decimals = format::decimals_of(*percent);
    let after = format::number(after, decimals, lang);
    Some([
        format::number(before, decimals, lang),
        match wording {
            Some(_) => format!("≈{after}"),
            None => after,
        },
    ])
}

/// The words for a change's two ends: the period's own ("five years ago", "now"), else
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

/// A step or a whole in words, with its final amount: "72,000 protective orders
/// issued".
pub fn step(step: &Step, lang: Lang) -> String {
    format!(
        "{} {}",
        format::amount(&step.amount, step.amount.value, lang),
        step.label.get(lang)
    )
}

/// The part of a whole in words, after its whole: "3,700 of them were mothers with
/// children", "из них 3 700 — матери с детьми", "олардың 3 700-і — балалары бар ана".
pub fn part(part: &Step, lang: Lang) -> String {
    let (before, between) = i18n::part_words(part.amount.value, lang);
    format!(
        "{before}{}{between}{}",
        format::part_amount(&part.amount, part.amount.value, lang),
        part.label.get(lang)
    )
}

/// The share of a part in words: "about 67%" when a bar shows it (both numbers are
/// rounded in the source, so the share is approximate), "fewer than 1 in N" when it is
/// too small for a bar.
pub fn share(comparison: &Comparison, lang: Lang) -> Option<String> {
    let Comparison::Part { share, one_in, .. } = comparison else {
        return None;
    };
    match one_in {
        Some(o) if *share < crate::layout::MIN_VISIBLE_SHARE => {
            Some(i18n::one_in(o.n, o.fewer, lang))
        }
        _ => Some(i18n::about(
            &format::percent(share * 100.0, 0, lang, false),
            lang,
        )),
    }
}

/// The full text alternative of a figure. A figure that is part of another says so
/// first, as the article does: "Of which, murders: …".
pub fn figure(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let part_of = figure.of.is_some();
    let label = i18n::scoped(figure.label.get(lang), part_of, true, lang);
    let period = period(dataset, figure, lang);
    let when = when(dataset, figure, lang);
    let in_brackets = when
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
                None => in_brackets,
            };
            format!(
                "{}{unstated}.",
                i18n::change_alt(&label, &phrase, period, lang)
            )
        }
        FigureKind::Count { amount } => {
            let amount = format::amount(amount, amount.value, lang);
            let label = figure.label.get(lang);
            let text = match (lang, period) {
                // Kazakh puts the time first: "Биыл 12 000-нан астам іс-шара …".
                (Lang::Kk, Some(p)) => format!("{p} {amount} {label}"),
                _ => format!("{amount} {label}{in_brackets}"),
            };
            format!(
                "{}.",
                i18n::sentence(&i18n::scoped(&text, part_of, true, lang))
            )
        }
        FigureKind::Funnel { steps } => {
            let steps: Vec<String> = steps.iter().map(|s| step(s, lang)).collect();
            format!("{label}{in_brackets}: {}.", steps.join("; "))
        }
        FigureKind::Part { part: p, whole: w } => format!(
            "{label}{in_brackets}: {}; {} ({}).",
            step(w, lang),
            part(p, lang),
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
            ("women-murder", Lang::En, "Of which, murders: down 49.3% over the past five years."),
            ("women-murder", Lang::Ru, "В том числе убийства: снижение на 49,3\u{a0}% за последние пять лет."),
            ("women-murder", Lang::Kk, "Оның ішінде кісі өлтіру: соңғы бес жылда 49,3%-ға төмендеді."),
            ("women-violent", Lang::En, "Of which, violent crimes: down 37.9% over the past five years."),
            ("women-rights", Lang::En, "Crimes against women’s rights: halved (about -50%) over the past five years."),
            ("women-rights", Lang::Kk, "Әйелдер құқығына қол сұғатын қылмыстар: соңғы бес жылда екі есеге азайды (шамамен -50%)."),
            ("juvenile-crime", Lang::Ru, "Подростковая преступность: снижение на 6\u{a0}% (период в источнике не указан). По данным источника, это результат профилактической работы."),
            ("juvenile-theft", Lang::En, "Of which, theft by minors: down 19% (period not stated in the source)."),
            ("juvenile-theft", Lang::Kk, "Оның ішінде кәмелетке толмағандар жасаған ұрлық: 19%-ға төмендеді (дереккөзде кезең көрсетілмеген)."),
            ("crisis-centres", Lang::En, "69 crisis centres for victims of violence operate in Kazakhstan (currently)."),
            ("crisis-centres", Lang::Kk, "Бүгінгі таңда 69 зорлық-зомбылық құрбандарына арналған дағдарыс орталығы Қазақстанда жұмыс істейді."),
            ("children-schools", Lang::Kk, "94\u{a0}000-нан астам іс-шара оқу орындарында ұйымдастырылды (дереккөзде кезең көрсетілмеген)."),
            ("children-schools", Lang::En, "More than 94,000 events held in educational institutions (period not stated in the source)."),
            ("children-prevention", Lang::Ru, "Более 12\u{a0}000 профилактических мероприятий по защите прав детей и предупреждению преступности несовершеннолетних проведено (в этом году)."),
            ("dv-response", Lang::En, "Domestic violence reports and the response (in 2024): nearly 100,000 reports received by the police; 72,000 protective orders issued; 16,000 cases with a court decision. Protective orders and court decisions are measures taken in response to the reports. The source does not say how many reports led to either."),
            ("crisis-centre-women", Lang::En, "Women who turned to crisis centres (since the start of the year): 5,500 women sought help; 3,700 of them were mothers with children (about 67%)."),
            ("crisis-centre-women", Lang::Ru, "Женщины, обратившиеся в кризисные центры (с начала года): 5\u{a0}500 женщин обратились за помощью; из них 3\u{a0}700\u{a0}— матери с детьми (около 67\u{a0}%)."),
            ("crisis-centre-women", Lang::Kk, "Дағдарыс орталықтарына жүгінген әйелдер (жыл басынан бері): 5\u{a0}500 әйел көмек сұрап жүгінді; олардың 3\u{a0}700-і\u{a0}— балалары бар ана (шамамен 67%)."),
            ("online-resources", Lang::En, "Illegal internet resources identified (since the start of the year): more than 35,000 illegal internet resources identified; 127 of them were sites promoting suicide and violence (fewer than 1 in 275)."),
            ("online-resources", Lang::Kk, "Анықталған заңсыз интернет-ресурстар (жыл басынан бері): 35\u{a0}000-нан астам заңсыз интернет-ресурс анықталды; олардың 127-сі\u{a0}— суицид пен зорлық-зомбылықты насихаттайтын сайт (әрбір 275-тің бірінен аз)."),
        ];
        for (id, lang, want) in table {
            assert_eq!(alt(id, *lang), *want, "{id} {lang:?}");
        }
        let d = seed();
        let figure = |id: &str| d.figures.iter().find(|f| f.id == id).unwrap();
        assert_eq!(
            derived_change(figure("women-rights"), Lang::Ru).as_deref(),
            Some("около -50\u{a0}%")
        );
        assert_eq!(derived_change(figure("women-murder"), Lang::Ru), None);
        assert_eq!(
            index_levels(figure("women-rights"), Lang::En),
            Some(["100".into(), "≈50".into()])
        );
        assert_eq!(
            index_levels(figure("women-murder"), Lang::Kk),
            Some(["100,0".into(), "50,7".into()])
        );
        assert_eq!(index_levels(figure("crisis-centres"), Lang::En), None);
        assert!(alt("law-2024", Lang::Ru).starts_with("Вступил в силу закон об обеспечении прав женщин и безопасности детей (16\u{a0}июня 2024\u{a0}года)."));
        assert!(alt("law-2024", Lang::En).contains("Life imprisonment for the rape of a minor."));
    }
}
