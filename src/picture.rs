//! The view as a picture, for "download image": the figures of the categories switched
//! on, in one language, in their final state, as a list of marks (text, rectangles,
//! dots) on a fixed-width page. Pure Rust: [`svg`] writes it as an SVG file here; the
//! loader paints that SVG's marks on a canvas for a PNG, so both files show the same thing
//! and neither needs the page's styles, fonts or images (a canvas that drew the live SVG
//! or HTML would need `img-src` permission or be tainted).
//!
//! Text is wrapped by an estimate of its width ([`text_width`]), generous enough for
//! the common system sans-serif faces, Cyrillic included; everything is in whole units.

use crate::compare::{compare, Comparison};
use crate::describe;
use crate::format;
use crate::i18n::{self, strings};
use crate::layout::{place, Bar, Placed};
use crate::model::{Dataset, Figure, FigureKind, Lang};

/// Width of the picture in CSS pixels. The loader paints the PNG from the SVG at twice
/// this, or less for a picture taller than a canvas can be (32 767 px).
pub const WIDTH: u32 = 640;
/// The font stack, for SVG `font-family` and the canvas `font`.
pub const FONT: &str = "system-ui, \"Segoe UI\", Roboto, \"Noto Sans\", Arial, sans-serif";

const MARGIN: u32 = 24;
const INDENT: u32 = 14;
const BAR_HEIGHT: u32 = 12;
const DOT_PITCH: u32 = 10;
/// The length of every index bar's track (before = 100): room for the deepest card's
/// label column and value.
const INDEX_LENGTH: u32 = 320;

/// The colours of the picture: the light palette of the stylesheet. Text colours have
/// a contrast of at least 4.5:1 on the white page, bar colours at least 3:1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Text,
    Muted,
    /// Changes and the marked dot.
    Accent,
    /// Counts, "after" bars and funnel steps.
    Accent2,
    /// "Before" bars and wholes.
    Before,
    /// The empty part of a bar's track.
    Track,
    /// Dots not marked.
    Dot,
    /// Rules: the nesting line of a figure that is part of another.
    Line,
}

impl Ink {
    pub fn hex(self) -> &'static str {
        match self {
            Ink::Text => "#1b1b1f",
            Ink::Muted => "#55565e",
            Ink::Accent => "#b4232c",
            Ink::Accent2 => "#1f4e99",
            Ink::Before => "#8a8c96",
            Ink::Track => "#e4e5ea",
            Ink::Dot => "#c4c5cc",
            Ink::Line => "#d9dae0",
        }
    }
}

/// One line of text; `y` is its baseline. With `end`, `x` is where it ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x: u32,
    pub y: u32,
    pub size: u32,
    pub bold: bool,
    pub end: bool,
    pub ink: Ink,
    pub text: String,
}

/// One mark of the picture, in units from its top left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Text(Line),
    Rect {
        x: u32,
        y: u32,
        w: u32,
        h: u32,
        ink: Ink,
    },
    /// A dot of radius `r` centred on `x`, `y`.
    Dot {
        x: u32,
        y: u32,
        r: u32,
        ink: Ink,
    },
}

impl Mark {
    /// Left, right and bottom edges of the mark (text by its estimated width).
    pub fn extent(&self) -> (u32, u32, u32) {
        match self {
            Mark::Text(t) => {
                let w = text_width(&t.text, t.size, t.bold);
                let left = if t.end { t.x.saturating_sub(w) } else { t.x };
                (left, left + w, t.y)
            }
            Mark::Rect { x, y, w, h, .. } => (*x, x + w, y + h),
            Mark::Dot { x, y, r, .. } => (x.saturating_sub(*r), x + r, y + r),
        }
    }
}

/// A picture of the view: its size and its marks, painted in order on white.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
    /// The dataset's title, for the SVG's `<title>`.
    pub title: String,
    pub marks: Vec<Mark>,
}

/// The estimated width of `text` at `size` px: 0.6 em per character (0.64 em bold),
/// which is wider than the average Latin and Cyrillic letter and digit of the common
/// sans-serif faces, so a wrapped line does not overflow.
pub fn text_width(text: &str, size: u32, bold: bool) -> u32 {
    let em = if bold { 64 } else { 60 };
    (text.chars().count() as u32 * size * em).div_ceil(100)
}

/// Breaks `text` into lines no wider than `width` at spaces (never at the no-break
/// spaces that group digits); a word longer than a line is broken where it must.
pub fn wrap(text: &str, size: u32, bold: bool, width: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
        // A single word wider than the line: cut it into pieces that fit.
        while text_width(&line, size, bold) > width && line.chars().count() > 1 {
            let fit = (width * 100 / (size * if bold { 64 } else { 60 })).max(1) as usize;
            let cut = line.char_indices().nth(fit).map_or(line.len(), |(i, _)| i);
            let rest = line.split_off(cut);
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays out marks top to bottom.
struct Pen {
    y: u32,
    marks: Vec<Mark>,
}

impl Pen {
    /// Wrapped text from `x` to `right`, lines 1.3 em apart.
    fn text(&mut self, x: u32, right: u32, text: &str, size: u32, bold: bool, ink: Ink) {
        for line in wrap(text, size, bold, right.saturating_sub(x)) {
            let height = size * 13 / 10;
            self.marks.push(Mark::Text(Line {
                x,
                y: self.y + size,
                size,
                bold,
                end: false,
                ink,
                text: line,
            }));
            self.y += height;
        }
    }

    /// A bar on a scale from `x` to `right`, filled to its fraction; with `track`, the
    /// empty rest of the scale is drawn too (parts of a whole, indexes), not for amounts,
    /// where it would read as a share the source does not give.
    fn bar(&mut self, x: u32, right: u32, bar: Bar, ink: Ink, track: bool) {
        let w = right.saturating_sub(x);
        if track {
            self.marks.push(Mark::Rect {
                x,
                y: self.y,
                w,
                h: BAR_HEIGHT,
                ink: Ink::Track,
            });
        }
        self.marks.push(Mark::Rect {
            x,
            y: self.y,
            w: (bar.fraction * w as f64).round() as u32,
            h: BAR_HEIGHT,
            ink,
        });
        self.y += BAR_HEIGHT + 4;
    }

    fn gap(&mut self, units: u32) {
        self.y += units;
    }
}

/// The picture of the figures of the `active` categories of `d` in `lang`.
pub fn picture(d: &Dataset, active: &[String], lang: Lang) -> Picture {
    let s = strings(lang);
    let right = WIDTH - MARGIN;
    let mut pen = Pen {
        y: 0,
        marks: vec![Mark::Rect {
            x: 0,
            y: 0,
            w: WIDTH,
            h: 3,
            ink: Ink::Accent,
        }],
    };
    pen.gap(MARGIN);
    let title = d.title.get(lang).to_string();
    pen.text(MARGIN, right, &title, 22, true, Ink::Text);
    for category in d.categories.iter().filter(|c| active.contains(&c.id)) {
        pen.gap(18);
        pen.text(MARGIN, right, category.label.get(lang), 17, true, Ink::Text);
        let figures = d.figures.iter().filter(|f| f.category == category.id);
        let mut has_change = false;
        for figure in figures {
            has_change |= matches!(figure.kind, FigureKind::Change { .. });
            pen.gap(14);
            figure_marks(&mut pen, d, figure, lang);
        }
        if has_change {
            pen.gap(8);
            pen.text(MARGIN, right, s.index_note, 13, false, Ink::Muted);
        }
    }
    pen.gap(20);
    let source = format!("{}: {}", s.source, d.source.text.get(lang));
    pen.text(MARGIN, right, &source, 13, false, Ink::Muted);
    if let Some(url) = &d.source.url {
        pen.text(MARGIN, right, url, 13, false, Ink::Muted);
    }
    pen.gap(MARGIN);
    Picture {
        width: WIDTH,
        height: pen.y,
        lang,
        title,
        marks: pen.marks,
    }
}

/// One figure's card: what the live card shows, with final values.
fn figure_marks(pen: &mut Pen, d: &Dataset, figure: &Figure, lang: Lang) {
    let s = strings(lang);
    let depth = d.depth(figure).min(2) as u32;
    let x = MARGIN + depth * INDENT;
    let right = WIDTH - MARGIN;
    let top = pen.y;
    if figure.of.is_some() {
        pen.text(x, right, s.of_which, 13, false, Ink::Muted);
    }
    if !matches!(
        figure.kind,
        FigureKind::Count { .. } | FigureKind::Milestone { .. }
    ) {
        pen.text(x, right, figure.label.get(lang), 16, true, Ink::Text);
    }
    if let Some(when) = describe::when(d, figure, lang) {
        pen.text(x, right, when, 13, false, Ink::Muted);
    }
    let comparison = compare(&figure.kind);
    let placed = place(&comparison);
    match (&figure.kind, &comparison, placed) {
        (
            FigureKind::Change { percent, wording },
            Comparison::Change { .. },
            Placed::Bars(bars),
        ) => {
            pen.gap(4);
            match (wording, describe::derived_change(figure, lang)) {
                // The source's words lead; the number derived from them is approximate.
                (Some(w), Some(derived)) => {
                    pen.text(x, right, w.get(lang), 24, true, Ink::Text);
                    pen.text(x, right, &derived, 15, true, Ink::Muted);
                }
                _ => {
                    let number =
                        format::percent(*percent, format::decimals_of(*percent), lang, true);
                    pen.text(x, right, &number, 30, true, Ink::Text)
                }
            }
            let levels = describe::index_levels(figure, lang).unwrap_or_default();
            let labels = describe::ends(d, figure, lang);
            let inks = [Ink::Before, Ink::Accent2];
            // Label column, bar, value column: as the rows of the live card.
            // One index length in the whole picture, whatever the nesting: 100 is equally
            // long in every card.
            let (bar_x, value_right) = (x + 150, right);
            let bar_right = bar_x + INDEX_LENGTH;
            for (i, level) in levels.into_iter().enumerate() {
                pen.gap(4);
                let row = pen.y;
                pen.text(x, bar_x - 8, labels[i], 13, false, Ink::Muted);
                let below = pen.y;
                pen.y = row + 3;
                pen.bar(bar_x, bar_right, bars[i], inks[i], true);
                pen.marks.push(Mark::Text(Line {
                    x: value_right,
                    y: row + 13,
                    size: 13,
                    bold: false,
                    end: true,
                    ink: Ink::Text,
                    text: level,
                }));
                pen.y = pen.y.max(below);
            }
        }
        (FigureKind::Count { amount }, _, _) => {
            let big = format::amount(amount, amount.value, lang);
            pen.text(x, right, &big, 30, true, Ink::Accent2);
            pen.text(x, right, figure.label.get(lang), 15, false, Ink::Text);
        }
        (FigureKind::Funnel { steps }, _, Placed::Bars(bars)) => {
            for (step, bar) in steps.iter().zip(bars) {
                pen.gap(6);
                pen.bar(x, right, bar, Ink::Accent2, false);
                pen.text(x, right, &describe::step(step, lang), 15, false, Ink::Text);
            }
        }
        (FigureKind::Part { part, whole }, Comparison::Part { one_in, .. }, placed) => {
            let steps = [
                (describe::step(whole, lang), Ink::Before),
                (describe::part(part, lang), Ink::Accent2),
            ];
            let bars = match &placed {
                Placed::Bars(bars) => Some(bars),
                _ => None,
            };
            for (i, (words, ink)) in steps.into_iter().enumerate() {
                pen.gap(6);
                if let Some(bars) = bars {
                    pen.bar(x, right, bars[i], ink, true);
                }
                pen.text(x, right, &words, 15, false, Ink::Text);
            }
            if let Placed::Dots { total, columns, .. } = placed {
                pen.gap(6);
                for i in 0..total {
                    let (col, row) = ((i % columns) as u32, (i / columns) as u32);
                    pen.marks.push(Mark::Dot {
                        x: x + col * DOT_PITCH + DOT_PITCH / 2,
                        y: pen.y + row * DOT_PITCH + DOT_PITCH / 2,
                        r: 4,
                        ink: if i == 0 { Ink::Accent } else { Ink::Dot },
                    });
                }
                pen.gap(total.div_ceil(columns) as u32 * DOT_PITCH + 4);
                if let Some(o) = one_in {
                    pen.text(x, right, &i18n::dots_note(o.n, lang), 13, false, Ink::Muted);
                }
            }
            if let Some(share) = describe::share(&comparison, lang) {
                pen.text(x, right, &share, 15, true, Ink::Text);
            }
        }
        (FigureKind::Milestone { date, points }, _, _) => {
            pen.text(x, right, &format::date(*date, lang), 22, true, Ink::Accent2);
            pen.text(x, right, figure.label.get(lang), 16, true, Ink::Text);
            for point in points {
                let before = pen.y;
                pen.text(x + 16, right, point.get(lang), 15, false, Ink::Text);
                pen.marks.push(Mark::Dot {
                    x: x + 5,
                    y: before + 10,
                    r: 3,
                    ink: Ink::Text,
                });
            }
        }
        _ => {}
    }
    if let Some(note) = &figure.note {
        pen.gap(2);
        pen.text(x, right, note.get(lang), 13, false, Ink::Muted);
    }
    if depth > 0 {
        pen.marks.push(Mark::Rect {
            x: x - 12,
            y: top,
            w: 2,
            h: pen.y - top,
            ink: Ink::Line,
        });
    }
}

/// The picture as a standalone SVG document.
pub fn svg(p: &Picture) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" xml:lang=\"{lang}\" font-family='{FONT}'>\
         <title>{title}</title><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
        w = p.width,
        h = p.height,
        lang = p.lang.code(),
        title = escape(&p.title),
    );
    for mark in &p.marks {
        let element = match mark {
            Mark::Text(t) => format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{} fill=\"{}\">{}</text>",
                t.x,
                t.y,
                t.size,
                if t.bold { " font-weight=\"700\"" } else { "" },
                if t.end { " text-anchor=\"end\"" } else { "" },
                t.ink.hex(),
                escape(&t.text)
            ),
            Mark::Rect { x, y, w, h, ink } => format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
                ink.hex()
            ),
            Mark::Dot { x, y, r, ink } => format!(
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"{}\"/>",
                ink.hex()
            ),
        };
        out.push_str(&element);
    }
    out.push_str("</svg>");
    out
}

/// Text for XML: the markup characters escaped, and the characters XML 1.0 cannot hold
/// at all (C0 controls other than tab and line ends, U+FFFE, U+FFFF), which a dataset may
/// carry as `\u0000`, left out so that the file stays well-formed.
fn escape(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{fffd}' | '\u{10000}'..))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;

    fn texts(p: &Picture) -> Vec<&str> {
        p.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn wrapping() {
        let table: &[(&str, u32, &[&str])] = &[
            ("one two three", 1000, &["one two three"]),
            ("one two three", 80, &["one two", "three"]),
            ("", 100, &[]),
            ("  spaced   out  ", 1000, &["spaced out"]),
            ("abcdefghij", 30, &["abc", "def", "ghi", "j"]),
            ("100\u{a0}000 xy", 80, &["100\u{a0}000", "xy"]),
        ];
        for (text, width, want) in table {
            assert_eq!(wrap(text, 16, false, *width), *want, "{text:?} in {width}");
        }
        for line in wrap(&"слово ".repeat(60), 15, true, 300) {
            assert!(text_width(&line, 15, true) <= 300, "{line}");
        }
    }

    #[test]
    fn every_visible_figure_with_its_final_value() {
        let d = seed();
        let all: Vec<String> = d.categories.iter().map(|c| c.id.clone()).collect();
        let table: &[(Lang, &[&str])] = &[
            (Lang::En, &["-49.3%", "100,000", "72,000", "16,000"]),
            (
                Lang::Ru,
                &["-49,3\u{a0}%", "100\u{a0}000", "72\u{a0}000", "16\u{a0}000"],
            ),
            (
                Lang::Kk,
                &["-49,3%", "100\u{a0}000", "72\u{a0}000", "16\u{a0}000"],
            ),
        ];
        for (lang, wanted) in table {
            let p = picture(&d, &all, *lang);
            let text = texts(&p).join("\n");
            for want in *wanted {
                assert!(text.contains(want), "{lang:?}: {want} in\n{text}");
            }
            for f in &d.figures {
                let first = f.label.get(*lang).split_whitespace().next().unwrap();
                assert!(text.contains(first), "{lang:?}: {} missing", f.id);
            }
            assert!(text.contains(d.source.text.get(*lang).split_whitespace().next().unwrap()));
        }
    }

    #[test]
    fn only_the_categories_switched_on() {
        let d = seed();
        let first = d.categories[0].id.clone();
        let p = picture(&d, std::slice::from_ref(&first), Lang::En);
        let all: Vec<String> = d.categories.iter().map(|c| c.id.clone()).collect();
        let full = picture(&d, &all, Lang::En);
        assert!(p.height < full.height);
        let text = texts(&p).join("\n");
        for f in &d.figures {
            let label = f.label.get(Lang::En);
            if f.category != first && !matches!(f.kind, FigureKind::Count { .. }) {
                assert!(!text.contains(label), "{} is not in {first}: {label}", f.id);
            }
        }
    }

    #[test]
    fn marks_stay_on_the_page() {
        let d = seed();
        let all: Vec<String> = d.categories.iter().map(|c| c.id.clone()).collect();
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let p = picture(&d, &all, lang);
            for m in &p.marks {
                let (left, right, bottom) = m.extent();
                assert!(left < p.width && right <= p.width, "{lang:?}: {m:?}");
                assert!(bottom <= p.height, "{lang:?}: {m:?}");
            }
        }
    }

    /// Within every figure that compares (a before/after pair, amounts, a part and its
    /// whole), the bars share one baseline and one scale: the same track, each fill
    /// starting at the track's start, fill widths in the ratio of the values (within
    /// 1 %), and the largest value filling its track.
    #[test]
    fn bars_are_drawn_to_one_scale_within_each_figure() {
        let d = seed();
        let mut checked = 0;
        let mut index_lengths = Vec::new();
        for lang in Lang::ALL {
            for f in &d.figures {
                let mut pen = Pen {
                    y: 0,
                    marks: Vec::new(),
                };
                figure_marks(&mut pen, &d, f, lang);
                let rects: Vec<(u32, u32, Ink)> = pen
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Rect { x, w, ink, .. } if *ink != Ink::Line => Some((*x, *w, *ink)),
                        _ => None,
                    })
                    .collect();
                let values: Vec<f64> = match (compare(&f.kind), place(&compare(&f.kind))) {
                    (_, Placed::Dots { .. } | Placed::None) => vec![],
                    (Comparison::Change { before, after, .. }, _) => vec![before, after],
                    (Comparison::Funnel { steps }, _) => steps.iter().map(|s| s.0.value).collect(),
                    (Comparison::Part { part, whole, .. }, _) => vec![whole.value, part.value],
                    _ => vec![],
                };
                if values.is_empty() {
                    assert!(rects.is_empty(), "{} {lang:?}", f.id);
                    continue;
                }
                // Amounts have no track drawn: their scale runs to the right margin.
                let x = rects[0].0;
                let tracks: Vec<_> = rects.iter().filter(|r| r.2 == Ink::Track).collect();
                let fills: Vec<_> = rects.iter().filter(|r| r.2 != Ink::Track).collect();
                assert_eq!(fills.len(), values.len(), "{} {lang:?}", f.id);
                let scale = match tracks.first() {
                    Some(t) => {
                        assert_eq!(tracks.len(), values.len(), "{}: a track per bar", f.id);
                        for t2 in &tracks {
                            assert_eq!((t2.0, t2.1), (t.0, t.1), "{}: one track", f.id);
                        }
                        t.1
                    }
                    None => WIDTH - MARGIN - x,
                };
                let largest = values.iter().cloned().fold(0.0, f64::max);
                for (i, fill) in fills.iter().enumerate() {
                    assert_eq!(fill.0, x, "{}: one baseline", f.id);
                    let want = values[i] / largest * scale as f64;
                    assert!(
                        (fill.1 as f64 - want).abs() <= (want * 0.01).max(0.5),
                        "{} {lang:?} bar {i}: {} drawn for {want:.1}",
                        f.id,
                        fill.1
                    );
                }
                if matches!(f.kind, FigureKind::Change { .. }) {
                    index_lengths.push(scale);
                }
                checked += 1;
            }
        }
        // The four changes of women's rights, four of juvenile crime, the reports and
        // the response, the crisis centres' women: in three languages.
        assert_eq!(checked, 10 * 3);
        // Every index is drawn to one length, at every depth: 100 is equally long.
        assert!(
            index_lengths.iter().all(|&l| l == INDEX_LENGTH),
            "{index_lengths:?}"
        );
    }

    #[test]
    fn svg_document() {
        let d = seed();
        let p = picture(&d, &[d.categories[0].id.clone()], Lang::Ru);
        let svg = svg(&p);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
        assert!(svg.contains(&format!("height=\"{}\"", p.height)));
        assert!(svg.contains("xml:lang=\"ru\""));
        assert!(svg.ends_with("</svg>"));
        assert_eq!(escape("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(escape("nul\u{0}bell\u{7}\u{fffe}ok\ttab"), "nulbellok\ttab");
        // Every text of the picture is in the file, escaped.
        for t in texts(&p) {
            assert!(svg.contains(&escape(t)), "{t}");
        }
    }
}
