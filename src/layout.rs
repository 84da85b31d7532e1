//! Stage four of the pipeline: placed geometry, and the easing of the animation.
//! Pure Rust.
//!
//! Bars are fractions (0..=1) of a track; the view draws them in an SVG whose viewBox is
//! [`TRACK`] wide and stretches to the card, so geometry never needs an inline style
//! (which a strict Content-Security-Policy would block).

use crate::compare::{Comparison, OneIn};

/// Width of a bar track in SVG user units.
pub const TRACK: u32 = 1000;
/// A share below this would be under 3 px on a 280 px card: shown as dots instead.
pub const MIN_VISIBLE_SHARE: f64 = 0.01;
/// Most dots drawn for "1 in N"; beyond it only the words are shown.
pub const MAX_DOTS: u64 = 500;
/// Dots per row of a dot grid.
pub const DOT_COLUMNS: u64 = 25;
/// Length of the entry animation in milliseconds.
pub const DURATION_MS: f64 = 1000.0;

/// A bar as a fraction of its track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub fraction: f64,
}

impl Bar {
    /// The bar's width in track units, for the SVG `width` attribute. An integer, so
    /// that no float printing is needed.
    pub fn width(self) -> u32 {
        (self.fraction * TRACK as f64).round() as u32
    }
}

/// Where a comparison's marks go.
#[derive(Clone, Debug, PartialEq)]
pub enum Placed {
    /// One bar per value, in the comparison's order.
    Bars(Vec<Bar>),
    /// A grid of `total` dots with one marked: "1 in N".
    Dots { total: u64, columns: u64, rows: u64 },
    /// Words only.
    None,
}

/// Places a comparison's marks.
pub fn place(c: &Comparison) -> Placed {
    match c {
        Comparison::Change { before, after, .. } => {
            // The longer of the two fills the track.
            let max = before.max(*after).max(f64::MIN_POSITIVE);
            Placed::Bars(vec![bar(before / max), bar(after / max)])
        }
        Comparison::Funnel { steps } => Placed::Bars(steps.iter().map(|s| bar(s.1)).collect()),
        Comparison::Part { share, one_in, .. } => match one_in {
            Some(OneIn { n, .. }) if *share < MIN_VISIBLE_SHARE && *n <= MAX_DOTS => Placed::Dots {
                total: *n,
                columns: DOT_COLUMNS.min(*n),
                rows: n.div_ceil(DOT_COLUMNS),
            },
            Some(_) if *share < MIN_VISIBLE_SHARE => Placed::None,
            _ => Placed::Bars(vec![bar(1.0), bar(*share)]),
        },
        Comparison::Count { .. } | Comparison::None => Placed::None,
    }
}

fn bar(fraction: f64) -> Bar {
    Bar {
        fraction: if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        },
    }
}

/// Cubic ease-out: fast start, gentle landing. `t` in 0..=1.
pub fn ease_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    1.0 - (1.0 - t).powi(3)
}

/// The value shown `elapsed_ms` into the animation towards `target` (counting from 0).
/// At and after the end it is exactly `target`, so the last frame shows −49.3, not −49.2.
pub fn tween(target: f64, elapsed_ms: f64) -> f64 {
    if elapsed_ms.is_nan() || elapsed_ms >= DURATION_MS {
        return target;
    }
    target * ease_out_cubic(elapsed_ms / DURATION_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::model::seed;

    fn placed(id: &str) -> Placed {
        place(&compare(&seed().figure(id).unwrap().kind))
    }

    #[test]
    fn bars_per_figure() {
        let widths = |p: Placed| match p {
            Placed::Bars(b) => b.iter().map(|b| b.width()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        let table: &[(&str, &[u32])] = &[
            ("women-murder", &[1000, 507]),
            ("women-gbh", &[1000, 913]),
            ("women-rights", &[1000, 500]),
            ("dv-response", &[1000, 720, 160]),
            ("crisis-centre-women", &[1000, 673]),
        ];
        for (id, want) in table {
            assert_eq!(widths(placed(id)), *want, "{id}");
        }
    }

    #[test]
    fn increase_fills_the_track_with_the_after_bar() {
        let c = Comparison::Change {
            before: 100.0,
            after: 250.0,
            percent: 150.0,
        };
        assert_eq!(
            place(&c),
            Placed::Bars(vec![Bar { fraction: 0.4 }, Bar { fraction: 1.0 }])
        );
    }

    #[test]
    fn invisible_share_becomes_dots() {
        assert_eq!(
            placed("online-resources"),
            Placed::Dots {
                total: 275,
                columns: 25,
                rows: 11
            }
        );
    }

    #[test]
    fn easing_and_tween() {
        let table = [
            (0.0, 0.0),
            (0.5, 0.875),
            (1.0, 1.0),
            (-1.0, 0.0),
            (2.0, 1.0),
        ];
        for (t, want) in table {
            assert!((ease_out_cubic(t) - want).abs() < 1e-12, "{t}");
        }
        assert_eq!(tween(-49.3, 0.0), 0.0);
        assert_eq!(tween(-49.3, DURATION_MS), -49.3);
        assert_eq!(tween(-49.3, DURATION_MS * 5.0), -49.3);
        assert_eq!(tween(-49.3, f64::NAN), -49.3);
        let mid = tween(-49.3, DURATION_MS / 2.0);
        assert!(mid < -40.0 && mid > -49.3);
    }
}
