//! The sparkline of an indicator's series. Where each observation sits in time, the runs a
//! line may join and the dates sources disagree on are the series' own shape, in
//! `dataset::series`, shared with the line chart and the HTML export.

use crate::dataset::Observation;
use crate::dataset::series::{days, runs};

/// The sparkline's cells: one per date, oldest first, with `None` for a gap. A date that
/// sources disagree on shows the middle of their range: a sparkline is a glance, and the
/// detail view lists both figures.
pub fn spark_cells(series: &[Observation]) -> Vec<Option<f64>> {
    let mut cells = Vec::new();
    for (n, run) in runs(&days(series)).into_iter().enumerate() {
        if n > 0 {
            cells.push(None);
        }
        let run = &series[run];
        let mut start = 0;
        while start < run.len() {
            let end = start
                + run[start..]
                    .iter()
                    .take_while(|o| o.date == run[start].date)
                    .count();
            let values = run[start..end].iter().map(|o| o.figure.value);
            let low = values.clone().fold(f64::INFINITY, f64::min);
            let high = values.fold(f64::NEG_INFINITY, f64::max);
            cells.push(Some(low / 2.0 + high / 2.0));
            start = end;
        }
    }
    cells
}

/// `▁▃▅█ ▆`: each value on eight levels between the smallest and the largest, a blank for a
/// gap; all levels the middle one when every value is the same.
pub fn sparkline(cells: &[Option<f64>]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let values = cells.iter().flatten();
    let low = values.clone().fold(f64::INFINITY, |a, &b| a.min(b));
    let high = values.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    // Halves, so that the range of two extreme finite values does not overflow.
    let range = high / 2.0 - low / 2.0;
    cells
        .iter()
        .map(|cell| match cell {
            None => ' ',
            Some(_) if range <= 0.0 => LEVELS[3],
            Some(value) => {
                let share = (value / 2.0 - low / 2.0) / range;
                LEVELS[((share * 7.0).round() as usize).min(7)]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Figure, FuzzyDate, Qualifier};

    fn observation(date: &str, value: f64) -> Observation {
        Observation {
            date: FuzzyDate::parse(date).unwrap(),
            figure: Figure {
                value,
                qualifier: Qualifier::Exact,
            },
            source: None,
            quote: None,
            quote_translated: None,
            note: None,
        }
    }

    #[test]
    fn sparkline_blanks_gaps_and_spans_the_range() {
        let series = [
            observation("2016", 0.0),
            observation("2017", 10.0),
            observation("2019", 40.0),
            observation("2019", 60.0),
            observation("2020", 70.0),
        ];
        let cells = spark_cells(&series);
        assert_eq!(cells, [Some(0.0), Some(10.0), None, Some(50.0), Some(70.0)]);
        assert_eq!(sparkline(&cells), "▁▂ ▆█");
        assert_eq!(sparkline(&[Some(5.0), Some(5.0)]), "▄▄");
        assert_eq!(sparkline(&[Some(-f64::MAX), None, Some(f64::MAX)]), "▁ █");
    }
}
