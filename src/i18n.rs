//! The interface's own words in kk, ru and en. Pure Rust.
//!
//! Every fixed string is a field of [`Strings`], so a language without one does not
//! compile. Phrases that take numbers or names are functions with one arm per language,
//! since word order and suffixes differ (Kazakh puts the period first and attaches case
//! suffixes to numbers).

use crate::format::{self, Case};
use crate::model::{Expected, Issue, Lang, LoadError, Problem, Qualifier};

/// The fixed strings of the interface in one language.
#[derive(Debug)]
pub struct Strings {
    /// The language's own name, on its button.
    pub lang_name: &'static str,
    /// Accessible name of the language buttons' group.
    pub language: &'static str,
    /// Accessible name of the category toggles' group.
    pub categories: &'static str,
    /// Said of a toggle that cannot be switched off because it is the last one on.
    pub last_category: &'static str,
    /// Before a figure that is part of another ("of which murder").
    pub of_which: &'static str,
    /// Default labels of the two ends of a change when its period names none.
    pub before: &'static str,
    pub after: &'static str,
    /// Under a change shown as an index.
    pub index_note: &'static str,
    /// In place of a period the source does not give.
    pub period_unstated: &'static str,
    pub replay: &'static str,
    /// Takes the place of the replay control while the animation runs.
    pub stop: &'static str,
    pub source: &'static str,
    /// Shown when a dataset could not be used at all.
    pub data_failed: &'static str,
    /// Heading of the list of unknown category ids.
    pub unknown_categories: &'static str,
    /// While a dataset from `src` is on its way.
    pub loading: &'static str,
    /// The `src` address could not be reached.
    pub load_network: &'static str,
    /// The `src` address did not answer in time.
    pub load_timeout: &'static str,
    /// The `src` address answered with an error status (the status follows).
    pub load_status: &'static str,
    /// Where the page does not allow WebAssembly and the figures cannot be drawn.
    pub needs_wasm: &'static str,
    /// Accessible name of the two-way view control (chart or table).
    pub view: &'static str,
    /// The view choices: the figures drawn, or the same figures as a table.
    pub chart: &'static str,
    pub table: &'static str,
    /// The button that downloads the visible figures as CSV.
    pub download_csv: &'static str,
    /// The buttons that download the picture of the view in its final state.
    pub download_png: &'static str,
    pub download_svg: &'static str,
    /// Column headers of the table and the CSV.
    pub col_category: &'static str,
    pub col_figure: &'static str,
    pub col_detail: &'static str,
    pub col_value: &'static str,
    pub col_number: &'static str,
    pub col_unit: &'static str,
    pub col_qualifier: &'static str,
    pub col_period: &'static str,
    /// The row of a part's share of its whole.
    pub share: &'static str,
}

const KK: Strings = Strings {
    lang_name: "Қазақша",
    language: "Тіл",
    categories: "Санаттар",
    last_category: "Кемінде бір санат қосулы тұруы керек",
    of_which: "оның ішінде",
    before: "Бұрын",
    after: "Кейін",
    index_note: "Жолақтар\u{a0}— индекс: бастапқы деңгей\u{a0}=\u{a0}100. Дереккөз абсолют сандарды емес, тек салыстырмалы өзгерісті келтіреді.",
    period_unstated: "Дереккөзде кезең көрсетілмеген",
    replay: "Қайта көрсету",
    stop: "Анимацияны тоқтату",
    source: "Дереккөз",
    data_failed: "Сандарды көрсету мүмкін болмады: деректерде қате бар.",
    unknown_categories: "Белгісіз санаттар (ескерілмеді)",
    loading: "Сандар жүктеліп жатыр…",
    load_network: "Деректер файлын жүктеп алу мүмкін болмады.",
    load_timeout: "Деректер файлы уақытында жүктелмеді.",
    load_status: "Деректер файлы жүктелмеді, сервер жауабы:",
    needs_wasm: "Бұл инфографиканы көрсету үшін WebAssembly қажет, бірақ бет оны іске қосуға рұқсат бермейді.",
    view: "Көрініс",
    chart: "Диаграмма",
    table: "Кесте",
    download_csv: "Деректерді жүктеп алу (CSV)",
    download_png: "Суретті жүктеп алу (PNG)",
    download_svg: "Суретті жүктеп алу (SVG)",
    col_category: "Санат",
    col_figure: "Көрсеткіш",
    col_detail: "Сипаттама",
    col_value: "Мәні",
    col_number: "Сан",
    col_unit: "Өлшем бірлігі",
    col_qualifier: "Нақтылау",
    col_period: "Кезең",
    share: "Үлесі",
};

const RU: Strings = Strings {
    lang_name: "Русский",
    language: "Язык",
    categories: "Категории",
    last_category: "Хотя бы одна категория должна оставаться включённой",
    of_which: "в том числе",
    before: "Было",
    after: "Стало",
    index_note: "Полосы\u{a0}— индекс: исходный уровень\u{a0}=\u{a0}100. Источник приводит только относительное изменение, без абсолютных чисел.",
    period_unstated: "Период в источнике не указан",
    replay: "Повторить",
    stop: "Остановить анимацию",
    source: "Источник",
    data_failed: "Не удалось показать цифры: в данных есть ошибки.",
    unknown_categories: "Неизвестные категории (пропущены)",
    loading: "Загрузка данных…",
    load_network: "Не удалось загрузить файл данных: нет связи с сервером.",
    load_timeout: "Файл данных не загрузился вовремя.",
    load_status: "Файл данных не загрузился, ответ сервера:",
    needs_wasm: "Для работы инфографики нужен WebAssembly, но эта страница не разрешает его запуск.",
    view: "Вид",
    chart: "Диаграмма",
    table: "Таблица",
    download_csv: "Скачать данные (CSV)",
    download_png: "Скачать изображение (PNG)",
    download_svg: "Скачать изображение (SVG)",
    col_category: "Категория",
    col_figure: "Показатель",
    col_detail: "Подробности",
    col_value: "Значение",
    col_number: "Число",
    col_unit: "Единица измерения",
    col_qualifier: "Уточнение",
    col_period: "Период",
    share: "Доля",
};

const EN: Strings = Strings {
    lang_name: "English",
    language: "Language",
    categories: "Categories",
    last_category: "At least one category must stay on",
    of_which: "of which",
    before: "Before",
    after: "After",
    index_note: "Bars: an index, starting level\u{a0}=\u{a0}100. The source gives only the relative change, not absolute numbers.",
    period_unstated: "Period not stated in the source",
    replay: "Replay",
    stop: "Stop animation",
    source: "Source",
    data_failed: "The figures could not be shown: the data has errors.",
    unknown_categories: "Unknown categories (ignored)",
    loading: "Loading the figures…",
    load_network: "The data file could not be reached.",
    load_timeout: "The data file did not load in time.",
    load_status: "The data file did not load; the server answered",
    needs_wasm: "This infographic needs WebAssembly, which this page does not allow.",
    view: "View",
    chart: "Chart",
    table: "Table",
    download_csv: "Download data (CSV)",
    download_png: "Download image (PNG)",
    download_svg: "Download image (SVG)",
    col_category: "Category",
    col_figure: "Figure",
    col_detail: "Detail",
    col_value: "Value",
    col_number: "Number",
    col_unit: "Unit",
    col_qualifier: "Qualifier",
    col_period: "Period",
    share: "Share",
};

/// The fixed strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// A sentence-initial text made to run on inside a sentence: "Over the last 5 years" →
/// "over the last 5 years". Only the first letter changes, and only Latin and Cyrillic
/// capitals (Kazakh letters included) are known: the full Unicode case tables would add
/// kilobytes to the wasm for nothing an article needs.
pub fn run_on(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(lower(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// A text made to start a sentence: "more than 12,000 …" → "More than 12,000 …". The
/// counterpart of [`run_on`], with the same alphabets.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

fn upper(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x61..=0x7A | 0x430..=0x44F => u - 0x20,
        0x450..=0x45F => u - 0x50,
        0x461..=0x481 | 0x48B..=0x4BF | 0x4D1..=0x4FF if u % 2 == 1 => u - 1,
        0x4C2..=0x4CE if u % 2 == 0 => u - 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        // Cyrillic supplement pairs: capital even, small odd (Ғ Қ Ң Ұ Ү Һ Ә Ө …).
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u % 2 == 0 => u + 1,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// A change as a signed percentage: "-49,3 %". Where the source gives words instead of
/// a number ("екі есеге", halved), the words lead and the number, derived from them,
/// follows as approximate: "сократились вдвое (около -50 %)". The table shows this; the
/// sentences use [`change_phrase`].
pub fn change_value(percent: f64, wording: Option<&str>, lang: Lang) -> String {
    let number = format::percent(percent, format::decimals_of(percent), lang, true);
    match wording {
        Some(w) => format!("{w} ({})", about(&number, lang)),
        None => number,
    }
}

/// A derived or rounded value as approximate: "about 67%", "около 67 %", "шамамен 67%".
pub fn about(value: &str, lang: Lang) -> String {
    format!("{} {value}", qualifier_name(Qualifier::About, lang))
}

/// A figure's label within a sentence, with the scope of a figure that is part of
/// another: "Of which, murders" (at the start of a sentence) or "of which murders" (a
/// table row), "В том числе убийства", "Оның ішінде кісі өлтіру".
pub fn scoped(label: &str, part_of_another: bool, starts_sentence: bool, lang: Lang) -> String {
    if !part_of_another {
        return label.to_string();
    }
    let of_which = strings(lang).of_which;
    let head = if starts_sentence {
        sentence(of_which)
    } else {
        of_which.to_string()
    };
    let comma = if starts_sentence && lang == Lang::En {
        ","
    } else {
        ""
    };
    format!("{head}{comma} {}", run_on(label))
}

/// The words around the number of a part after its whole ("5,500 women sought help;
/// 3,700 of them were mothers with children"): what goes before the number and what goes
/// between it and the part's label. The number itself is `format::part_amount`.
pub fn part_words(value: f64, lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En if value == 1.0 => ("", " of them was "),
        Lang::En => ("", " of them were "),
        // A no-break space keeps the dash off the start of a line.
        Lang::Ru => ("из них ", "\u{a0}— "),
        Lang::Kk => ("олардың ", "\u{a0}— "),
    }
}

/// A change in words, without its period: "down 49.3%", "снижение на 49,3 %",
/// "49,3%-ға төмендеді". `wording` is the source's own phrase ("halved"), which then
/// leads and the number follows in brackets.
pub fn change_phrase(percent: f64, wording: Option<&str>, lang: Lang) -> String {
    let d = format::decimals_of(percent);
    let magnitude = format::percent(percent.abs(), d, lang, false);
    if wording.is_some() {
        return change_value(percent, wording, lang);
    }
    let zero =
        format::number(percent, d, lang).trim_start_matches('-') == format::number(0.0, d, lang);
    match lang {
        Lang::En if zero => "unchanged".to_string(),
        Lang::En if percent < 0.0 => format!("down {magnitude}"),
        Lang::En => format!("up {magnitude}"),
        Lang::Ru if zero => "без изменений".to_string(),
        Lang::Ru if percent < 0.0 => format!("снижение на {magnitude}"),
        Lang::Ru => format!("рост на {magnitude}"),
        Lang::Kk if zero => "өзгерген жоқ".to_string(),
        Lang::Kk => {
            let suffix = format::kk_suffix(percent, d, true, Case::Dative);
            let verb = if percent < 0.0 {
                "төмендеді"
            } else {
                "өсті"
            };
            format!("{magnitude}-{suffix} {verb}")
        }
    }
}

/// The full text alternative of a change: "Murders: down 49.3% over the last 5 years".
pub fn change_alt(label: &str, phrase: &str, period: Option<&str>, lang: Lang) -> String {
    match (lang, period) {
        (Lang::Kk, Some(p)) => format!("{label}: {} {phrase}", run_on(p)),
        (_, Some(p)) => format!("{label}: {phrase} {}", run_on(p)),
        (_, None) => format!("{label}: {phrase}"),
    }
}

/// A share too small for a bar, as "1 in N": "about 1 in 276", "fewer than 1 in 275".
/// `fewer` when the true share is smaller than 1/N (the whole was "more than").
pub fn one_in(n: u64, fewer: bool, lang: Lang) -> String {
    let num = format::number(n as f64, 0, lang);
    match (lang, fewer) {
        (Lang::En, false) => format!("about 1 in {num}"),
        (Lang::En, true) => format!("fewer than 1 in {num}"),
        (Lang::Ru, false) => format!("примерно один из {num}"),
        (Lang::Ru, true) => format!("менее одного из {num}"),
        (Lang::Kk, false) => format!(
            "шамамен әрбір {} бірі",
            format::kk_with_suffix(n as f64, 0, Case::Genitive)
        ),
        (Lang::Kk, true) => format!(
            "әрбір {} бірінен аз",
            format::kk_with_suffix(n as f64, 0, Case::Genitive)
        ),
    }
}

/// The note under a dot grid that stands in for an invisible bar.
pub fn dots_note(n: u64, lang: Lang) -> String {
    let num = format::number(n as f64, 0, lang);
    match lang {
        Lang::En => format!("Too small to see as a bar, so shown as one dot in {num}."),
        Lang::Ru => format!("Такая доля на полосе была бы незаметна, поэтому она показана одной точкой из {num}."),
        Lang::Kk => format!("Бұл үлес жолақ түрінде көрінбейтіндей аз, сондықтан {num} нүктенің біреуімен белгіленді."),
    }
}

/// What a qualifier means, for tables and data downloads.
pub fn qualifier_name(q: Qualifier, lang: Lang) -> &'static str {
    match (lang, q) {
        (Lang::En, Qualifier::Nearly) => "nearly",
        (Lang::En, Qualifier::About) => "about",
        (Lang::En, Qualifier::MoreThan) => "more than",
        (Lang::En, Qualifier::LessThan) => "less than",
        (Lang::Ru, Qualifier::Nearly) => "почти",
        (Lang::Ru, Qualifier::About) => "около",
        (Lang::Ru, Qualifier::MoreThan) => "более",
        (Lang::Ru, Qualifier::LessThan) => "менее",
        (Lang::Kk, Qualifier::Nearly) => "жуық",
        (Lang::Kk, Qualifier::About) => "шамамен",
        (Lang::Kk, Qualifier::MoreThan) => "астам",
        (Lang::Kk, Qualifier::LessThan) => "кем",
    }
}

fn expected(e: Expected, lang: Lang) -> &'static str {
    match (lang, e) {
        (Lang::En, Expected::Object) => "an object",
        (Lang::En, Expected::Array) => "a list",
        (Lang::En, Expected::String) => "a text",
        (Lang::En, Expected::Number) => "a number",
        (Lang::Ru, Expected::Object) => "объект",
        (Lang::Ru, Expected::Array) => "список",
        (Lang::Ru, Expected::String) => "строка",
        (Lang::Ru, Expected::Number) => "число",
        (Lang::Kk, Expected::Object) => "объект",
        (Lang::Kk, Expected::Array) => "тізім",
        (Lang::Kk, Expected::String) => "мәтін",
        (Lang::Kk, Expected::Number) => "сан",
    }
}

fn language_name(of: Lang, lang: Lang) -> &'static str {
    match (lang, of) {
        (Lang::En, Lang::Kk) => "Kazakh",
        (Lang::En, Lang::Ru) => "Russian",
        (Lang::En, Lang::En) => "English",
        (Lang::Ru, Lang::Kk) => "казахском",
        (Lang::Ru, Lang::Ru) => "русском",
        (Lang::Ru, Lang::En) => "английском",
        (Lang::Kk, Lang::Kk) => "қазақша",
        (Lang::Kk, Lang::Ru) => "орысша",
        (Lang::Kk, Lang::En) => "ағылшынша",
    }
}

/// A plain number for messages: integers without decimals, no grouping surprises.
fn plain(n: f64, lang: Lang) -> String {
    format::number(n, format::decimals_of(n), lang)
}

/// A validation problem in words.
pub fn problem(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    let (en, ru) = (lang == Lang::En, lang == Lang::Ru);
    let n = |x: usize| plain(x as f64, lang);
    match p {
        Syntax { line, column } if en => format!("Not valid JSON (line {line}, column {column})"),
        Syntax { line, column } if ru => format!("Некорректный JSON (строка {line}, столбец {column})"),
        Syntax { line, column } => format!("JSON қате жазылған ({line}-жол, {column}-баған)"),
        TooDeep { limit } if en => format!("Nested too deeply: at most {} levels", n(*limit)),
        TooDeep { limit } if ru => format!("Слишком глубокая вложенность: не более {} уровней", n(*limit)),
        TooDeep { limit } => format!("Тым терең кірістірілген: ең көбі {} деңгей", n(*limit)),
        TooLarge { bytes, limit } if en => format!("Too large: {} bytes, at most {} allowed", n(*bytes), n(*limit)),
        TooLarge { bytes, limit } if ru => format!("Слишком большой объём: {} байт, допустимо не более {}", n(*bytes), n(*limit)),
        TooLarge { bytes, limit } => format!("Көлемі тым үлкен: {} байт, ең көбі {} болуы керек", n(*bytes), n(*limit)),
        TooMany { count, limit } if en => format!("Too many entries: {}, at most {} allowed", n(*count), n(*limit)),
        TooMany { count, limit } if ru => format!("Слишком много элементов: {}, допустимо не более {}", n(*count), n(*limit)),
        TooMany { count, limit } => format!("Элементтер тым көп: {}, ең көбі {} болуы керек", n(*count), n(*limit)),
        TooLong { limit } if en => format!("Text too long: at most {} characters", n(*limit)),
        TooLong { limit } if ru => format!("Слишком длинный текст: не более {} символов", n(*limit)),
        TooLong { limit } => format!("Мәтін тым ұзын: ең көбі {} таңба", n(*limit)),
        Missing if en => "Required, but missing".to_string(),
        Missing if ru => "Обязательное поле отсутствует".to_string(),
        Missing => "Міндетті өріс толтырылмаған".to_string(),
        WrongType(e) if en => format!("Must be {}", expected(*e, lang)),
        WrongType(e) if ru => format!("Здесь должно быть: {}", expected(*e, lang)),
        WrongType(e) => format!("Мұнда {} болуы керек", expected(*e, lang)),
        UnsupportedFormat(s) if en => format!("Unsupported format “{s}”: expected “{}”", crate::model::FORMAT),
        UnsupportedFormat(s) if ru => format!("Неподдерживаемый формат «{s}»: ожидается «{}»", crate::model::FORMAT),
        UnsupportedFormat(s) => format!("«{s}» форматына қолдау көрсетілмейді: «{}» болуы керек", crate::model::FORMAT),
        OutOfRange { min, max } if en => format!("Out of range: must be from {} to {}", plain(*min, lang), plain(*max, lang)),
        OutOfRange { min, max } if ru => format!("Вне допустимого диапазона: от {} до {}", plain(*min, lang), plain(*max, lang)),
        OutOfRange { min, max } => format!("Рұқсат етілген ауқымнан тыс: ең азы {}, ең көбі {}", plain(*min, lang), plain(*max, lang)),
        Empty if en => "Must not be empty".to_string(),
        Empty if ru => "Не может быть пустым".to_string(),
        Empty => "Бос болмауы керек".to_string(),
        InvalidId(s) if en => format!("Invalid id “{s}”: use lowercase Latin letters, digits and hyphens"),
        InvalidId(s) if ru => format!("Недопустимый идентификатор «{s}»: только строчные латинские буквы, цифры и дефисы"),
        InvalidId(s) => format!("«{s}» идентификаторы жарамсыз: тек кіші латын әріптері, цифрлар және дефис болуы керек"),
        DuplicateId(s) if en => format!("The id “{s}” is used twice"),
        DuplicateId(s) if ru => format!("Идентификатор «{s}» повторяется"),
        DuplicateId(s) => format!("«{s}» идентификаторы қайталанады"),
        UnknownCategory(s) if en => format!("There is no category “{s}”"),
        UnknownCategory(s) if ru => format!("Категории «{s}» нет"),
        UnknownCategory(s) => format!("«{s}» санаты жоқ"),
        UnknownPeriod(s) if en => format!("There is no period “{s}”"),
        UnknownPeriod(s) if ru => format!("Периода «{s}» нет"),
        UnknownPeriod(s) => format!("«{s}» кезеңі жоқ"),
        UnknownFigure(s) if en => format!("There is no figure “{s}”"),
        UnknownFigure(s) if ru => format!("Показателя «{s}» нет"),
        UnknownFigure(s) => format!("«{s}» көрсеткіші жоқ"),
        Cycle(s) if en => format!("Figures refer to each other in a loop through “{s}”"),
        Cycle(s) if ru => format!("Показатели ссылаются друг на друга по кругу через «{s}»"),
        Cycle(s) => format!("Көрсеткіштер «{s}» арқылы бір-біріне тұйықтала сілтейді"),
        UnknownKind(s) if en => format!("Unknown kind “{s}”: use change, count, funnel, part, milestone or statement"),
        UnknownKind(s) if ru => format!("Неизвестный вид «{s}»: допустимы change, count, funnel, part, milestone, statement"),
        UnknownKind(s) => format!("«{s}» түрі белгісіз: change, count, funnel, part, milestone немесе statement болуы керек"),
        UnknownQualifier(s) if en => format!("Unknown qualifier “{s}”: use nearly, about, more-than or less-than"),
        UnknownQualifier(s) if ru => format!("Неизвестное уточнение «{s}»: допустимы nearly, about, more-than, less-than"),
        UnknownQualifier(s) => format!("«{s}» нақтылауы белгісіз: nearly, about, more-than немесе less-than болуы керек"),
        InvalidDate(s) if en => format!("Invalid date “{s}”: use YYYY-MM-DD"),
        InvalidDate(s) if ru => format!("Недопустимая дата «{s}»: нужен формат ГГГГ-ММ-ДД"),
        InvalidDate(s) => format!("«{s}» күні жарамсыз: ЖЖЖЖ-АА-КК түрінде жазылуы керек"),
        InvalidUrl(s) if en => format!("Invalid link “{s}”: it must start with https:// or http://"),
        InvalidUrl(s) if ru => format!("Недопустимая ссылка «{s}»: она должна начинаться с https:// или http://"),
        InvalidUrl(s) => format!("«{s}» сілтемесі жарамсыз: https:// немесе http:// деп басталуы керек"),
        PartExceedsWhole if en => "The part is larger than the whole".to_string(),
        PartExceedsWhole if ru => "Часть больше целого".to_string(),
        PartExceedsWhole => "Бөлік тұтастан үлкен".to_string(),
        MissingLanguage(l) if en => format!("No {} text: another language is shown instead", language_name(*l, lang)),
        MissingLanguage(l) if ru => format!("Нет текста на {} языке: показан текст на другом языке", language_name(*l, lang)),
        MissingLanguage(l) => format!("Мәтіннің {} нұсқасы жоқ: орнына басқа тілдегісі көрсетіледі", language_name(*l, lang)),
        UnknownField if en => "Unknown field, ignored".to_string(),
        UnknownField if ru => "Неизвестное поле, пропущено".to_string(),
        UnknownField => "Белгісіз өріс, ескерілмеді".to_string(),
    }
}

/// Why there is no dataset, as lines for the reader: the summary first, then details.
pub fn load_error(e: &LoadError, lang: Lang) -> (String, Vec<String>) {
    let s = strings(lang);
    match e {
        LoadError::Invalid(issues) => (
            s.data_failed.to_string(),
            issues.iter().map(|i| issue(i, lang)).collect(),
        ),
        LoadError::Network => (s.load_network.to_string(), Vec::new()),
        LoadError::Timeout => (s.load_timeout.to_string(), Vec::new()),
        LoadError::Status(code) => (format!("{} {code}.", s.load_status), Vec::new()),
    }
}

/// An issue as one line: "figures[3].change: Must be a number".
pub fn issue(i: &Issue, lang: Lang) -> String {
    if i.path.is_empty() {
        problem(&i.problem, lang)
    } else {
        format!("{}: {}", i.path, problem(&i.problem, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_phrases() {
        let table: &[(f64, Option<&str>, Lang, &str)] = &[
            (-49.3, None, Lang::En, "down 49.3%"),
            (-49.3, None, Lang::Ru, "снижение на 49,3\u{a0}%"),
            (-49.3, None, Lang::Kk, "49,3%-ға төмендеді"),
            (12.0, None, Lang::En, "up 12%"),
            (12.0, None, Lang::Ru, "рост на 12\u{a0}%"),
            (12.0, None, Lang::Kk, "12%-ға өсті"),
            (0.0, None, Lang::En, "unchanged"),
            (0.0, None, Lang::Kk, "өзгерген жоқ"),
            (-50.0, Some("halved"), Lang::En, "halved (about -50%)"),
            (
                -50.0,
                Some("сократились вдвое"),
                Lang::Ru,
                "сократились вдвое (около -50\u{a0}%)",
            ),
            (
                -50.0,
                Some("екі есеге азайды"),
                Lang::Kk,
                "екі есеге азайды (шамамен -50%)",
            ),
        ];
        for &(v, w, lang, want) in table {
            assert_eq!(change_phrase(v, w, lang), want);
        }
    }

    #[test]
    fn change_alternatives_put_the_period_where_each_language_does() {
        let p = "Over the last 5 years";
        assert_eq!(
            change_alt("Murders", "down 49.3%", Some(p), Lang::En),
            "Murders: down 49.3% over the last 5 years"
        );
        assert_eq!(
            change_alt(
                "Кісі өлтіру",
                "49,3%-ға төмендеді",
                Some("Соңғы 5 жылда"),
                Lang::Kk
            ),
            "Кісі өлтіру: соңғы 5 жылда 49,3%-ға төмендеді"
        );
        assert_eq!(change_alt("Убийства", "x", None, Lang::Ru), "Убийства: x");
    }

    #[test]
    fn running_on_lowers_the_first_letter_in_every_alphabet() {
        let table = [
            ("Over the last 5 years", "over the last 5 years"),
            ("За последние 5 лет", "за последние 5 лет"),
            ("Ёлка", "ёлка"),
            ("Соңғы 5 жылда", "соңғы 5 жылда"),
            ("Әйелдер", "әйелдер"),
            ("Қазір", "қазір"),
            ("Ұлттық", "ұлттық"),
            ("Үкімет", "үкімет"),
            ("Іс", "іс"),
            ("Өмір", "өмір"),
            ("Ғалым", "ғалым"),
            ("Һ", "һ"),
            ("2024", "2024"),
            ("", ""),
        ];
        for (from, to) in table {
            assert_eq!(run_on(from), to);
            assert_eq!(sentence(to), from);
            if let Some(c) = from.chars().next() {
                assert_eq!(Some(lower(c)), c.to_lowercase().next(), "{c}");
                assert_eq!(Some(upper(lower(c))), c.to_uppercase().next(), "{c}");
            }
        }
    }

    #[test]
    fn scopes_of_figures_that_are_part_of_another() {
        let table: &[(&str, bool, bool, Lang, &str)] = &[
            ("Murders", true, true, Lang::En, "Of which, murders"),
            ("Murders", true, false, Lang::En, "of which murders"),
            ("Убийства", true, true, Lang::Ru, "В том числе убийства"),
            ("Убийства", true, false, Lang::Ru, "в том числе убийства"),
            (
                "Кісі өлтіру",
                true,
                true,
                Lang::Kk,
                "Оның ішінде кісі өлтіру",
            ),
            (
                "Кісі өлтіру",
                true,
                false,
                Lang::Kk,
                "оның ішінде кісі өлтіру",
            ),
            ("Violent crimes", false, true, Lang::En, "Violent crimes"),
        ];
        for &(label, part, start, lang, want) in table {
            assert_eq!(scoped(label, part, start, lang), want);
        }
    }

    #[test]
    fn one_in_n() {
        assert_eq!(one_in(275, true, Lang::En), "fewer than 1 in 275");
        assert_eq!(one_in(276, false, Lang::Ru), "примерно один из 276");
        assert_eq!(one_in(275, true, Lang::Ru), "менее одного из 275");
        assert_eq!(one_in(275, true, Lang::Kk), "әрбір 275-тің бірінен аз");
        assert_eq!(one_in(276, false, Lang::Kk), "шамамен әрбір 276-ның бірі");
    }

    #[test]
    fn every_problem_is_worded_in_every_language() {
        let problems = [
            Problem::Syntax { line: 1, column: 2 },
            Problem::TooLarge {
                bytes: 2_000_000,
                limit: 1_048_576,
            },
            Problem::Missing,
            Problem::WrongType(Expected::Number),
            Problem::OutOfRange {
                min: -100.0,
                max: 100000.0,
            },
            Problem::MissingLanguage(Lang::Kk),
            Problem::UnknownField,
        ];
        for p in &problems {
            let words: Vec<String> = Lang::ALL.iter().map(|&l| problem(p, l)).collect();
            for w in &words {
                assert!(!w.is_empty());
            }
            assert_ne!(words[0], words[2], "{p:?} is not translated");
        }
        assert_eq!(
            problem(
                &Problem::TooLarge {
                    bytes: 2_000_000,
                    limit: 1_048_576
                },
                Lang::En
            ),
            "Too large: 2,000,000 bytes, at most 1,048,576 allowed"
        );
    }
}
