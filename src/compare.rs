//! Stage three of the pipeline: a figure's comparison, its delta computed. Pure Rust.
//!
//! Only arithmetic on what the dataset says: an index for a change (the source gives no
//! absolute counts), shares for funnels and parts. Nothing is extrapolated.

use crate::model::{Amount, FigureKind, Qualifier};

/// How a share too small for a bar reads as "1 in N".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneIn {
    /// N: the whole divided by the part.
    pub n: u64,
    /// The true share is smaller than 1 in N (the whole is "more than", or the part
    /// "less than"), so N is rounded down and the text says "fewer than".
    pub fewer: bool,
}

/// A figure's numbers ready to be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum Comparison {
    /// A change as an index: `before` is 100, `after` is 100 + change.
    Change {
        before: f64,
        after: f64,
        percent: f64,
    },
    Count {
        amount: Amount,
    },
    /// Amounts compared on one scale: each with its share of the largest (1 for the
    /// largest). No ratio between steps is implied: the article's figures "in response"
    /// to the reports are not stages of a pipeline.
    Funnel {
        steps: Vec<(Amount, f64)>,
    },
    /// A part of a whole with the part's share (0..=1) and its "1 in N".
    Part {
        part: Amount,
        whole: Amount,
        share: f64,
        one_in: Option<OneIn>,
    },
    /// Nothing numeric to compare: milestones and statements.
    None,
}

/// The index level of the start of a change.
pub const INDEX_BASE: f64 = 100.0;

/// Computes the comparison of a figure.
pub fn compare(kind: &FigureKind) -> Comparison {
    match kind {
        FigureKind::Change { percent, .. } => Comparison::Change {
            before: INDEX_BASE,
            after: INDEX_BASE + percent,
            percent: *percent,
        },
        FigureKind::Count { amount } => Comparison::Count { amount: *amount },
        FigureKind::Funnel { steps } => {
            let largest = steps.iter().map(|s| s.amount.value).fold(0.0, f64::max);
            Comparison::Funnel {
                steps: steps
                    .iter()
                    .map(|s| (s.amount, ratio(s.amount.value, largest)))
                    .collect(),
            }
        }
        FigureKind::Part { part, whole } => {
            let share = ratio(part.amount.value, whole.amount.value);
            let one_in = (part.amount.value > 0.0).then(|| {
                let exact = whole.amount.value / part.amount.value;
                let fewer = whole.amount.qualifier == Some(Qualifier::MoreThan)
                    || part.amount.qualifier == Some(Qualifier::LessThan);
                OneIn {
                    n: if fewer { exact.floor() } else { exact.round() } as u64,
                    fewer,
                }
            });
            Comparison::Part {
                part: part.amount,
                whole: whole.amount,
                share,
                one_in,
            }
        }
        FigureKind::Milestone { .. } | FigureKind::Statement => Comparison::None,
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        (a / b).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed;

    fn of(id: &str) -> Comparison {
        compare(&seed().figure(id).unwrap().kind)
    }

    #[test]
    fn change_is_an_index_from_100() {
        let Comparison::Change {
            before,
            after,
            percent,
        } = of("women-murder")
        else {
            panic!("murder is a change")
        };
        assert_eq!(before, 100.0);
        assert!((after - 50.7).abs() < 1e-9);
        assert_eq!(percent, -49.3);
    }

    #[test]
    fn amounts_on_one_scale_whatever_their_order() {
        use crate::model::{Step, Text};
        let step = |value| Step {
            amount: Amount {
                value,
                qualifier: None,
            },
            label: Text::default(),
        };
        let Comparison::Funnel { steps } = compare(&FigureKind::Funnel {
            steps: vec![step(20.0), step(80.0), step(40.0)],
        }) else {
            panic!("funnel")
        };
        let shares: Vec<f64> = steps.iter().map(|s| s.1).collect();
        assert_eq!(shares, vec![0.25, 1.0, 0.5]);
    }

    #[test]
    fn reports_and_the_response_on_the_scale_of_the_reports() {
        let Comparison::Funnel { steps } = of("dv-response") else {
            panic!("funnel")
        };
        let shares: Vec<f64> = steps.iter().map(|s| s.1).collect();
        assert_eq!(shares, vec![1.0, 0.72, 0.16]);
        assert_eq!(steps[0].0.qualifier, Some(Qualifier::Nearly));
    }

    #[test]
    fn parts() {
        let table: &[(&str, f64, OneIn)] = &[
            (
                "crisis-centre-women",
                3700.0 / 5500.0,
                OneIn { n: 1, fewer: false },
            ),
            (
                "online-resources",
                127.0 / 35000.0,
                OneIn {
                    n: 275,
                    fewer: true,
                },
            ),
        ];
        for (id, want_share, want_one_in) in table {
            let Comparison::Part { share, one_in, .. } = of(id) else {
                panic!("{id} is a part")
            };
            assert!((share - want_share).abs() < 1e-12, "{id}");
            assert_eq!(one_in, Some(*want_one_in), "{id}");
        }
    }
}
