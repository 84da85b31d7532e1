//! Dataset types and their validation: the first two stages of the pipeline
//! (dataset → figure). Pure Rust: no yew, no web-sys.
//!
//! A dataset is JSON in the `salystyr/1` format (see `docs/FORMAT.md`). [`parse`] turns
//! text into a [`Dataset`] or into a list of [`Issue`]s, each naming the JSON path of
//! the problem (`figures[3].change`) and a [`Problem`] that `i18n` words in kk, ru and en.

use std::fmt::Write as _;
use std::rc::Rc;

use crate::json::{self, Value};

/// The format tag every dataset carries in its `format` field.
pub const FORMAT: &str = "salystyr/1";
/// Largest dataset accepted, in bytes of JSON text.
pub const MAX_BYTES: usize = 1 << 20;
/// Most figures in one dataset.
pub const MAX_FIGURES: usize = 200;
/// Most entries in any other list (categories, periods, steps, points).
pub const MAX_ITEMS: usize = 50;
/// Longest text in characters.
pub const MAX_TEXT: usize = 1000;
/// Longest id in characters.
pub const MAX_ID: usize = 64;
/// Largest absolute amount (a count, a step, a part).
pub const MAX_AMOUNT: f64 = 1e15;
/// Largest increase in percent; a decrease cannot exceed −100 %.
pub const MAX_CHANGE: f64 = 100_000.0;

/// The built-in default dataset: the seed article (`data/seed.json`, minified by
/// `build.rs`).
pub const SEED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/seed.min.json"));

/// A reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// Every language, in the order of the language switch.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 code used in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Reads a language tag by its primary subtag: `kk`, `ru-RU` and `EN-gb` all match.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to start in: the element's `lang` attribute, else the host page's
    /// `<html lang>`, when either is kk, ru or en; else Kazakh.
    pub fn resolve(element: Option<&str>, host: Option<&str>) -> Lang {
        element
            .and_then(Lang::parse)
            .or_else(|| host.and_then(Lang::parse))
            .unwrap_or(Lang::Kk)
    }
}

/// A text in the three languages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// How exact an amount is, as the source words it ("nearly 100 000"). Absent: exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Slightly below the value: "nearly", "почти", "-ға жуық".
    Nearly,
    /// Around the value: "about", "около", "шамамен".
    About,
    /// Above the value: "more than", "более", "-нан астам".
    MoreThan,
    /// Below the value: "less than", "менее", "-нан аз".
    LessThan,
}

impl Qualifier {
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Nearly,
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::LessThan,
    ];

    /// The dataset's name for it.
    pub fn id(self) -> &'static str {
        match self {
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more-than",
            Qualifier::LessThan => "less-than",
        }
    }
}

/// A number as the source gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub qualifier: Option<Qualifier>,
}

/// A labelled amount: a funnel step, a part or a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub amount: Amount,
    /// Words that follow the number: "protective orders issued".
    pub label: Text,
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    }
}

/// What a figure shows, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureKind {
    /// A relative change over a period, in percent (−49.3). `wording` is the source's own
    /// phrase where it gives one instead of a number ("halved").
    Change { percent: f64, wording: Option<Text> },
    /// A count; the figure's label is the words that follow the number.
    Count { amount: Amount },
    /// Successive steps of one process, each a part of the one before.
    Funnel { steps: Vec<Step> },
    /// A part of a whole: 3 700 of 5 500.
    Part { part: Step, whole: Step },
    /// A dated event with its main points.
    Milestone { date: Date, points: Vec<Text> },
    /// A fact without a number.
    Statement,
}

impl FigureKind {
    /// Whether the figure states numbers (and so holds for a period).
    pub fn has_numbers(&self) -> bool {
        !matches!(self, FigureKind::Milestone { .. } | FigureKind::Statement)
    }

    /// The dataset's name for the kind.
    pub fn id(&self) -> &'static str {
        match self {
            FigureKind::Change { .. } => "change",
            FigureKind::Count { .. } => "count",
            FigureKind::Funnel { .. } => "funnel",
            FigureKind::Part { .. } => "part",
            FigureKind::Milestone { .. } => "milestone",
            FigureKind::Statement => "statement",
        }
    }
}

/// One figure of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub category: String,
    pub label: Text,
    /// Id of a period of the dataset.
    pub period: Option<String>,
    /// Id of the figure this one is a part of ("of which murder").
    pub of: Option<String>,
    pub note: Option<Text>,
    pub kind: FigureKind,
}

/// A named time span; `before` and `after` label the two ends of a change.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub id: String,
    pub label: Text,
    pub before: Option<Text>,
    pub after: Option<Text>,
}

/// A group of figures that a reader can switch on and off.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: String,
    pub label: Text,
}

/// Where the figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub text: Text,
    /// An `https:` or `http:` address, if the dataset gives one.
    pub url: Option<String>,
}

/// A validated dataset: every reference resolves, every id is unique.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub id: String,
    pub title: Text,
    pub source: Source,
    pub categories: Vec<Category>,
    pub periods: Vec<Period>,
    pub figures: Vec<Figure>,
}

impl Dataset {
    pub fn period(&self, id: &str) -> Option<&Period> {
        self.periods.iter().find(|p| p.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// How deep a figure is nested under `of` parents (0 for a top-level figure).
    pub fn depth(&self, figure: &Figure) -> usize {
        let mut depth = 0;
        let mut at = figure;
        while let Some(parent) = at.of.as_deref().and_then(|id| self.figure(id)) {
            depth += 1;
            at = parent;
            if depth > self.figures.len() {
                break;
            }
        }
        depth
    }

    /// Reads an embed's `categories` attribute: a comma- or space-separated list of ids.
    /// Unknown ids are reported, not fatal; when no known id remains (or the attribute is
    /// absent or empty) every category is on.
    pub fn select(&self, requested: Option<&str>) -> Selection {
        let mut active = Vec::new();
        let mut unknown = Vec::new();
        for id in requested
            .unwrap_or("")
            .split([',', ' ', '\t', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if self.category(id).is_some() {
                if !active.iter().any(|a| a == id) {
                    active.push(id.to_string());
                }
            } else if !unknown.iter().any(|u| u == id) {
                unknown.push(id.to_string());
            }
        }
        if active.is_empty() {
            active = self.categories.iter().map(|c| c.id.clone()).collect();
        }
        Selection { active, unknown }
    }
}

/// The categories an embed asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Known ids, in the order asked.
    pub active: Vec<String>,
    /// Ids the dataset does not have.
    pub unknown: Vec<String>,
}

/// Why an embed has no dataset to show.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The dataset was read but is not valid: every error, then the warnings.
    Invalid(Vec<Issue>),
    /// The `src` address could not be reached (network, CORS, blocked by the page).
    Network,
    /// The `src` address did not answer in time.
    Timeout,
    /// The `src` address answered with this HTTP status.
    Status(u16),
}

/// The built-in default dataset, parsed once per thread and shared by every instance.
pub fn seed() -> Rc<Dataset> {
    thread_local! {
        static SEED: Rc<Dataset> = Rc::new(
            // Tested natively (`seed_parses_without_warnings`). No `expect`: it would
            // bring Debug formatting, and its weight, into the wasm.
            match parse(SEED_JSON) {
                Ok(parsed) => parsed.dataset,
                Err(_) => unreachable!("the seed dataset is valid"),
            },
        );
    }
    SEED.with(Rc::clone)
}

/// Whether an issue stops the dataset from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The JSON type a field should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    Number,
}

/// What is wrong at a path. `i18n::problem` words it in each language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not JSON at all; line and column are 1-based.
    Syntax {
        line: usize,
        column: usize,
    },
    /// Arrays and objects nested deeper than the limit.
    TooDeep {
        limit: usize,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooMany {
        count: usize,
        limit: usize,
    },
    TooLong {
        limit: usize,
    },
    Missing,
    WrongType(Expected),
    UnsupportedFormat(String),
    OutOfRange {
        min: f64,
        max: f64,
    },
    Empty,
    InvalidId(String),
    DuplicateId(String),
    UnknownCategory(String),
    UnknownPeriod(String),
    UnknownFigure(String),
    /// An `of` chain that comes back to itself.
    Cycle(String),
    UnknownKind(String),
    UnknownQualifier(String),
    InvalidDate(String),
    InvalidUrl(String),
    PartExceedsWhole,
    /// A text without this language: it falls back to another language (warning).
    MissingLanguage(Lang),
    /// A field the format does not define: ignored (warning).
    UnknownField,
}

/// One finding of validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Where in the JSON, for example `figures[3].change`; empty for the whole document.
    pub path: String,
    pub problem: Problem,
    pub severity: Severity,
}

/// A dataset that loaded, with the warnings it raised.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub dataset: Dataset,
    pub warnings: Vec<Issue>,
}

/// Parses and validates a dataset. On failure every error found is returned (warnings
/// included, after the errors), so that an editor can fix them in one pass.
pub fn parse(json: &str) -> Result<Parsed, Vec<Issue>> {
    let mut cx = Cx::default();
    if json.len() > MAX_BYTES {
        cx.error(
            "",
            Problem::TooLarge {
                bytes: json.len(),
                limit: MAX_BYTES,
            },
        );
        return Err(cx.issues);
    }
    let value = match json::parse(json) {
        Ok(v) => v,
        Err(e) if e.too_deep => {
            cx.error(
                "",
                Problem::TooDeep {
                    limit: json::MAX_DEPTH,
                },
            );
            return Err(cx.issues);
        }
        Err(e) => {
            cx.error(
                "",
                Problem::Syntax {
                    line: e.line,
                    column: e.column,
                },
            );
            return Err(cx.issues);
        }
    };
    let dataset = cx.dataset(&value);
    let (mut errors, warnings): (Vec<_>, Vec<_>) = cx
        .issues
        .into_iter()
        .partition(|i| i.severity == Severity::Error);
    match dataset {
        Some(dataset) if errors.is_empty() => Ok(Parsed { dataset, warnings }),
        _ => {
            errors.extend(warnings);
            Err(errors)
        }
    }
}

/// Whether a character is blank: invisible on its own, so that a string of nothing else is
/// empty, and trimmed from the ends of every string. Blank are Unicode's White_Space
/// characters (what `str::trim` trims, U+0085 included) and the invisible format
/// characters of the Basic Multilingual Plane (general category Cf, default-ignorable):
/// U+00AD soft hyphen, U+061C, U+180E, U+200B–U+200F (zero-width space, non-joiner,
/// joiner, direction marks), U+202A–U+202E, U+2060–U+2064 (word joiner, invisible
/// operators), U+2066–U+206F, U+FEFF (zero-width no-break space, byte order mark).
///
/// The contract: the JSON Schema's `string` pattern (`docs/salystyr-1.schema.json`) is
/// "one character outside this set", and `docs/FORMAT.md` (Texts) lists the same set.
/// A match over code points, not a Unicode table, to keep the wasm small.
fn is_blank(c: char) -> bool {
    matches!(c,
        '\t'..='\r' | ' ' | '\u{85}' | '\u{a0}' | '\u{ad}' | '\u{61c}' | '\u{1680}' | '\u{180e}'
        | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}' | '\u{3000}' | '\u{feff}')
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    let mut s = path.to_string();
    let _ = write!(s, "[{i}]");
    s
}

/// An object being read: remembers which keys were used, to warn about the others.
struct Obj<'a> {
    map: &'a [(String, Value)],
    path: String,
    used: Vec<&'static str>,
}

impl<'a> Obj<'a> {
    fn get(&mut self, key: &'static str) -> Option<(&'a Value, String)> {
        self.used.push(key);
        self.map
            .iter()
            .rev()
            .find(|(k, v)| k == key && *v != Value::Null)
            .map(|(_, v)| (v, join(&self.path, key)))
    }
}

/// What an id names: references are checked once the whole dataset is read, so that
/// every broken one is reported, even beside other errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ref {
    Category,
    Period,
    Figure,
}

#[derive(Default)]
struct Cx {
    issues: Vec<Issue>,
    /// Ids declared so far: categories, periods, figures.
    declared: [Vec<String>; 3],
    /// References to check at the end: where, to what, which id.
    refs: Vec<(String, Ref, String)>,
}

impl Cx {
    /// Reads the object's `id` and declares it, reporting a duplicate.
    fn declare(&mut self, obj: &mut Obj, kind: Ref) -> Option<String> {
        let (v, p) = self.required(obj, "id")?;
        let id = self.id(v, &p)?;
        if self.declared[kind as usize].contains(&id) {
            self.error(&p, Problem::DuplicateId(id.clone()));
        } else {
            self.declared[kind as usize].push(id.clone());
        }
        Some(id)
    }

    /// Reads an id at `key` that must name something declared somewhere in the dataset.
    fn refer(
        &mut self,
        obj: &mut Obj,
        key: &'static str,
        kind: Ref,
        required: bool,
    ) -> Option<String> {
        let (v, p) = if required {
            self.required(obj, key)?
        } else {
            obj.get(key)?
        };
        let id = self.id(v, &p)?;
        self.refs.push((p, kind, id.clone()));
        Some(id)
    }

    fn error(&mut self, path: &str, problem: Problem) {
        self.issues.push(Issue {
            path: path.to_string(),
            problem,
            severity: Severity::Error,
        });
    }

    fn warn(&mut self, path: &str, problem: Problem) {
        self.issues.push(Issue {
            path: path.to_string(),
            problem,
            severity: Severity::Warning,
        });
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<Obj<'a>> {
        match v {
            Value::Object(map) => Some(Obj {
                map,
                path: path.to_string(),
                used: Vec::new(),
            }),
            _ => {
                self.error(path, Problem::WrongType(Expected::Object));
                None
            }
        }
    }

    /// Warns about every key of `obj` that was never asked for.
    fn finish(&mut self, obj: Obj) {
        for (key, _) in obj.map {
            if !obj.used.contains(&key.as_str()) {
                self.warn(&join(&obj.path, key), Problem::UnknownField);
            }
        }
    }

    fn required<'a>(
        &mut self,
        obj: &mut Obj<'a>,
        key: &'static str,
    ) -> Option<(&'a Value, String)> {
        let found = obj.get(key);
        if found.is_none() {
            self.error(&join(&obj.path, key), Problem::Missing);
        }
        found
    }

    /// A string: not empty (not only [`is_blank`] characters), at most [`MAX_TEXT`]
    /// characters counted before trimming, returned without blank characters at its ends.
    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) if s.chars().all(is_blank) => {
                self.error(path, Problem::Empty);
                None
            }
            Value::String(s) if s.chars().count() > MAX_TEXT => {
                self.error(path, Problem::TooLong { limit: MAX_TEXT });
                None
            }
            Value::String(s) => Some(s.trim_matches(is_blank).to_string()),
            _ => {
                self.error(path, Problem::WrongType(Expected::String));
                None
            }
        }
    }

    fn id(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        let ok = s.len() <= MAX_ID
            && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Some(s)
        } else {
            self.error(path, Problem::InvalidId(s));
            None
        }
    }

    fn number(&mut self, v: &Value, path: &str, min: f64, max: f64) -> Option<f64> {
        match v.as_f64() {
            Some(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
            Some(_) => {
                self.error(path, Problem::OutOfRange { min, max });
                None
            }
            None => {
                self.error(path, Problem::WrongType(Expected::Number));
                None
            }
        }
    }

    fn array<'a>(&mut self, v: &'a Value, path: &str, limit: usize) -> Option<&'a [Value]> {
        self.list_of(v, path, limit, false)
    }

    /// An array; `may_be_empty` for optional lists, where `[]` means none.
    fn list_of<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
        limit: usize,
        may_be_empty: bool,
    ) -> Option<&'a [Value]> {
        match v {
            Value::Array(items) if items.is_empty() && !may_be_empty => {
                self.error(path, Problem::Empty);
                None
            }
            Value::Array(items) if items.len() > limit => {
                self.error(
                    path,
                    Problem::TooMany {
                        count: items.len(),
                        limit,
                    },
                );
                None
            }
            Value::Array(items) => Some(items),
            _ => {
                self.error(path, Problem::WrongType(Expected::Array));
                None
            }
        }
    }

    /// A text: an object with `kk`, `ru` and `en`. A missing language is a warning and
    /// falls back to the language its readers most likely also read: Kazakh to Russian
    /// (then English), Russian to English (then Kazakh), English to Russian (then Kazakh).
    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        let mut obj = self.object(v, path)?;
        let mut found: [Option<String>; 3] = [None, None, None];
        let mut any_error = false;
        for (slot, lang) in found.iter_mut().zip(Lang::ALL) {
            if let Some((v, p)) = obj.get(lang.code()) {
                *slot = self.string(v, &p);
                any_error |= slot.is_none();
            }
        }
        self.finish(obj);
        if any_error {
            return None;
        }
        if found.iter().all(Option::is_none) {
            self.error(path, Problem::Missing);
            return None;
        }
        let fallback = |order: [usize; 2]| {
            order
                .iter()
                .find_map(|&i| found[i].clone())
                .unwrap_or_default()
        };
        let fallbacks = [fallback([1, 2]), fallback([2, 0]), fallback([1, 0])];
        let [kk, ru, en] = found.clone();
        let mut pick = |s: Option<String>, lang: Lang| {
            s.unwrap_or_else(|| {
                self.warn(&join(path, lang.code()), Problem::MissingLanguage(lang));
                fallbacks[lang as usize].clone()
            })
        };
        Some(Text {
            kk: pick(kk, Lang::Kk),
            ru: pick(ru, Lang::Ru),
            en: pick(en, Lang::En),
        })
    }

    fn required_text(&mut self, obj: &mut Obj, key: &'static str) -> Option<Text> {
        let (v, p) = self.required(obj, key)?;
        self.text(v, &p)
    }

    fn optional_text(&mut self, obj: &mut Obj, key: &'static str) -> Option<Text> {
        let (v, p) = obj.get(key)?;
        self.text(v, &p)
    }

    fn amount(&mut self, obj: &mut Obj, key: &'static str) -> Option<Amount> {
        let qualifier = obj.get("qualifier");
        let (v, p) = self.required(obj, key)?;
        let value = self.number(v, &p, 0.0, MAX_AMOUNT);
        let qualifier = match qualifier {
            None => Some(None),
            Some((v, p)) => match v.as_str() {
                Some(s) => match Qualifier::ALL.into_iter().find(|q| q.id() == s) {
                    Some(q) => Some(Some(q)),
                    None => {
                        self.error(&p, Problem::UnknownQualifier(s.to_string()));
                        None
                    }
                },
                None => {
                    self.error(&p, Problem::WrongType(Expected::String));
                    None
                }
            },
        };
        Some(Amount {
            value: value?,
            qualifier: qualifier?,
        })
    }

    fn step(&mut self, v: &Value, path: &str) -> Option<Step> {
        let mut obj = self.object(v, path)?;
        let amount = self.amount(&mut obj, "value");
        let label = self.required_text(&mut obj, "label");
        self.finish(obj);
        Some(Step {
            amount: amount?,
            label: label?,
        })
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let mut obj = self.object(v, "")?;
        if let Some((v, p)) = self.required(&mut obj, "format") {
            match v.as_str() {
                Some(FORMAT) => {}
                Some(other) => {
                    self.error(&p, Problem::UnsupportedFormat(other.to_string()));
                    return None;
                }
                None => {
                    self.error(&p, Problem::WrongType(Expected::String));
                    return None;
                }
            }
        }
        let id = self
            .required(&mut obj, "id")
            .and_then(|(v, p)| self.id(v, &p));
        let title = self.required_text(&mut obj, "title");
        let source = self
            .required(&mut obj, "source")
            .and_then(|(v, p)| self.source(v, &p));
        let categories = self.list(&mut obj, "categories", MAX_ITEMS, Cx::category);
        let periods = match obj.get("periods") {
            Some((v, p)) => self.list_of(v, &p, MAX_ITEMS, true).map(|items| {
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| self.period(v, &index(&p, i)))
                    .collect::<Vec<_>>()
            }),
            None => Some(Vec::new()),
        };
        let figures = self.list(&mut obj, "figures", MAX_FIGURES, Cx::figure);
        self.finish(obj);
        for (path, kind, id) in std::mem::take(&mut self.refs) {
            if !self.declared[kind as usize].contains(&id) {
                let problem = match kind {
                    Ref::Category => Problem::UnknownCategory(id),
                    Ref::Period => Problem::UnknownPeriod(id),
                    Ref::Figure => Problem::UnknownFigure(id),
                };
                self.error(&path, problem);
            }
        }

        let dataset = Dataset {
            id: id?,
            title: title?,
            source: source?,
            categories: categories?,
            periods: periods?,
            figures: figures?,
        };
        self.cross_check(&dataset);
        Some(dataset)
    }

    fn list<T>(
        &mut self,
        obj: &mut Obj,
        key: &'static str,
        limit: usize,
        item: fn(&mut Cx, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let (v, p) = self.required(obj, key)?;
        let items = self.array(v, &p, limit)?;
        let before = self.errors();
        let out: Vec<T> = items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| item(self, v, &index(&p, i)))
            .collect();
        (self.errors() == before).then_some(out)
    }

    fn errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count()
    }

    fn source(&mut self, v: &Value, path: &str) -> Option<Source> {
        let mut obj = self.object(v, path)?;
        let text = self.required_text(&mut obj, "text");
        let url = match obj.get("url") {
            Some((v, p)) => match self.string(v, &p) {
                Some(u) if u.starts_with("https://") || u.starts_with("http://") => Some(Some(u)),
                Some(u) => {
                    self.error(&p, Problem::InvalidUrl(u));
                    None
                }
                None => None,
            },
            None => Some(None),
        };
        self.finish(obj);
        Some(Source {
            text: text?,
            url: url?,
        })
    }

    fn category(&mut self, v: &Value, path: &str) -> Option<Category> {
        let mut obj = self.object(v, path)?;
        let id = self.declare(&mut obj, Ref::Category);
        let label = self.required_text(&mut obj, "label");
        self.finish(obj);
        Some(Category {
            id: id?,
            label: label?,
        })
    }

    fn period(&mut self, v: &Value, path: &str) -> Option<Period> {
        let mut obj = self.object(v, path)?;
        let id = self.declare(&mut obj, Ref::Period);
        let label = self.required_text(&mut obj, "label");
        let before = self.optional_text(&mut obj, "before");
        let after = self.optional_text(&mut obj, "after");
        self.finish(obj);
        Some(Period {
            id: id?,
            label: label?,
            before,
            after,
        })
    }

    fn figure(&mut self, v: &Value, path: &str) -> Option<Figure> {
        let mut obj = self.object(v, path)?;
        let id = self.declare(&mut obj, Ref::Figure);
        let category = self.refer(&mut obj, "category", Ref::Category, true);
        let label = self.required_text(&mut obj, "label");
        let period = self.refer(&mut obj, "period", Ref::Period, false);
        let of = self.refer(&mut obj, "of", Ref::Figure, false);
        let note = self.optional_text(&mut obj, "note");
        // A field of another kind than the figure's is an unknown field ("value" on a
        // change). When `kind` is missing or unknown, every kind's fields count as known
        // instead, so that the one error about `kind` does not come with a warning for
        // each of them.
        const KINDS: [&str; 6] = [
            "change",
            "count",
            "funnel",
            "part",
            "milestone",
            "statement",
        ];
        const KIND_FIELDS: [&str; 9] = [
            "change",
            "wording",
            "value",
            "qualifier",
            "steps",
            "part",
            "whole",
            "date",
            "points",
        ];
        let kind = self.required(&mut obj, "kind");
        if !kind
            .as_ref()
            .and_then(|(v, _)| v.as_str())
            .is_some_and(|name| KINDS.contains(&name))
        {
            obj.used.extend(KIND_FIELDS);
        }
        let kind = kind.and_then(|(v, p)| {
            let name = v.as_str().unwrap_or_default();
            match name {
                "change" => {
                    let percent = self
                        .required(&mut obj, "change")
                        .and_then(|(v, p)| self.number(v, &p, -100.0, MAX_CHANGE));
                    let wording = self.optional_text(&mut obj, "wording");
                    Some(FigureKind::Change {
                        percent: percent?,
                        wording,
                    })
                }
                "count" => self
                    .amount(&mut obj, "value")
                    .map(|amount| FigureKind::Count { amount }),
                "funnel" => {
                    let (v, p) = self.required(&mut obj, "steps")?;
                    let items = self.array(v, &p, MAX_ITEMS)?;
                    let steps: Vec<Step> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| self.step(v, &index(&p, i)))
                        .collect();
                    (steps.len() == items.len()).then_some(FigureKind::Funnel { steps })
                }
                "part" => {
                    let part = self
                        .required(&mut obj, "part")
                        .and_then(|(v, p)| self.step(v, &p));
                    let whole = self
                        .required(&mut obj, "whole")
                        .and_then(|(v, p)| self.step(v, &p));
                    let (part, whole) = (part?, whole?);
                    if part.amount.value > whole.amount.value {
                        self.error(&join(&obj.path, "part"), Problem::PartExceedsWhole);
                        return None;
                    }
                    Some(FigureKind::Part { part, whole })
                }
                "milestone" => {
                    let date = self.required(&mut obj, "date").and_then(|(v, p)| {
                        let s = self.string(v, &p)?;
                        let date = Date::parse(&s);
                        if date.is_none() {
                            self.error(&p, Problem::InvalidDate(s));
                        }
                        date
                    });
                    let points = match obj.get("points") {
                        Some((v, p)) => self.list_of(v, &p, MAX_ITEMS, true).and_then(|items| {
                            let texts: Vec<Text> = items
                                .iter()
                                .enumerate()
                                .filter_map(|(i, v)| self.text(v, &index(&p, i)))
                                .collect();
                            (texts.len() == items.len()).then_some(texts)
                        }),
                        None => Some(Vec::new()),
                    };
                    Some(FigureKind::Milestone {
                        date: date?,
                        points: points?,
                    })
                }
                "statement" => Some(FigureKind::Statement),
                _ if v.as_str().is_some() => {
                    self.error(&p, Problem::UnknownKind(name.to_string()));
                    None
                }
                _ => {
                    self.error(&p, Problem::WrongType(Expected::String));
                    None
                }
            }
        });
        self.finish(obj);
        Some(Figure {
            id: id?,
            category: category?,
            label: label?,
            period,
            of,
            note,
            kind: kind?,
        })
    }

    /// Checks the `of` chains, which need every figure: no loops.
    fn cross_check(&mut self, d: &Dataset) {
        for (i, f) in d.figures.iter().enumerate() {
            if let Some(of) = &f.of {
                if d.depth(f) > d.figures.len() {
                    self.error(&format!("figures[{i}].of"), Problem::Cycle(of.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_parses_without_warnings() {
        let parsed = parse(SEED_JSON).expect("seed is valid");
        assert_eq!(parsed.warnings, vec![]);
        assert_eq!(parsed.dataset.id, "kz-mia-2024");
    }

    #[test]
    fn blank_is_white_space_and_the_invisible_format_characters() {
        // A second spelling of `is_blank`'s list, against Rust's White_Space.
        let invisible = |c: char| {
            matches!(c as u32, 0xAD | 0x61C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E)
                || matches!(c as u32, 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF)
        };
        for c in char::MIN..=char::MAX {
            assert_eq!(
                is_blank(c),
                c.is_whitespace() || invisible(c),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(
            "\u{feff}\u{200b} x\u{85}\u{a0}".trim_matches(is_blank),
            "x",
            "trimmed at both ends"
        );
    }

    #[test]
    fn lang_resolution() {
        let table: &[(Option<&str>, Option<&str>, Lang)] = &[
            (Some("ru"), Some("en"), Lang::Ru),
            (Some("EN-gb"), None, Lang::En),
            (Some("de"), Some("ru-RU"), Lang::Ru),
            (None, Some("kk-KZ"), Lang::Kk),
            (None, Some("fr"), Lang::Kk),
            (Some(""), Some(""), Lang::Kk),
            (None, None, Lang::Kk),
        ];
        for (element, host, want) in table {
            assert_eq!(
                Lang::resolve(*element, *host),
                *want,
                "{element:?} {host:?}"
            );
        }
    }

    #[test]
    fn dates() {
        let table = [
            ("2024-06-16", Some((2024, 6, 16))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-6-16", None),
            ("2024-06-1x", None),
            ("+024-06-16", None),
        ];
        for (s, want) in table {
            let got = Date::parse(s).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn category_selection() {
        let d = seed();
        let all: Vec<String> = d.categories.iter().map(|c| c.id.clone()).collect();
        let table: &[(Option<&str>, &[&str], &[&str])] = &[
            (Some("women,children"), &["women", "children"], &[]),
            (
                Some(" children , women ,children"),
                &["children", "women"],
                &[],
            ),
            (Some("women nope"), &["women"], &["nope"]),
            (Some("nope"), &[], &["nope"]),
            (Some(""), &[], &[]),
            (None, &[], &[]),
        ];
        for (asked, active, unknown) in table {
            let sel = d.select(*asked);
            let want: Vec<String> = if active.is_empty() {
                all.clone()
            } else {
                active.iter().map(|s| s.to_string()).collect()
            };
            assert_eq!(sel.active, want, "{asked:?}");
            assert_eq!(sel.unknown, *unknown, "{asked:?}");
        }
    }

    #[test]
    fn nesting_depth() {
        let d = seed();
        let murder = d.figure("women-murder").unwrap();
        assert_eq!(d.depth(murder), 2);
        assert_eq!(d.depth(d.figure("women-rights").unwrap()), 0);
    }
}
