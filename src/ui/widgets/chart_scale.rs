//! A line chart's scales: the years along the bottom and the round values up the side,
//! and the map of values onto the 0..=1 the canvas is given.

/// The most labels on the y axis: more crowd a chart a dozen rows high.
const MAX_Y_STEPS: usize = 3;

/// Maps `low..=high` (finite, `low < high`) onto 0..=1 without overflow: halving first
/// keeps `high - low` finite even for -1.7e308..1.7e308.
pub(super) fn unit_interval(low: f64, high: f64) -> impl Fn(f64) -> f64 {
    let span = high / 2.0 - low / 2.0;
    move |value| {
        let unit = (value / 2.0 - low / 2.0) / span;
        if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Whole years around the data, an even number of them apart so that the middle label
/// (ratatui places three labels evenly) is a whole year too; a single date in the middle
/// year of three.
pub(super) fn year_bounds(min: f64, max: f64) -> (i32, i32) {
    if min == max {
        let year = min.floor() as i32;
        return (year - 1, year + 1);
    }
    let (first, mut last) = (min.floor() as i32, max.ceil() as i32);
    if (last - first) % 2 == 1 {
        last += 1;
    }
    (first, last)
}

/// Round values from below `min` to above `max`, evenly spaced by 1, 2, 2.5 or 5 times a
/// power of ten, at most [`MAX_Y_STEPS`] steps: the y axis's labels and bounds. A flat
/// series gets room around its value; a range too wide for steps is labelled at its ends.
pub(super) fn value_ticks(min: f64, max: f64) -> Vec<f64> {
    let (min, max) = if min < max {
        (min, max)
    } else {
        // Padding never overflows: near ±f64::MAX, the side towards zero takes it all.
        let pad = (min.abs() / 10.0).max(1.0);
        match (min - pad, max + pad) {
            (low, high) if high.is_finite() && low.is_finite() => (low, high),
            (_, high) if high.is_finite() => (min, high + pad),
            (low, _) => (low - pad, max),
        }
    };
    let least = max / MAX_Y_STEPS as f64 - min / MAX_Y_STEPS as f64;
    let power = 10f64.powf(least.log10().floor());
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0] {
        let step = multiple * power;
        if !(step.is_finite() && step > 0.0 && step >= least) {
            continue;
        }
        let low = (min / step).floor() * step;
        let steps = ((max - low) / step).ceil();
        if steps.is_finite() && steps <= MAX_Y_STEPS as f64 {
            let ticks: Vec<f64> = (0..=steps.max(1.0) as usize)
                .map(|i| low + i as f64 * step)
                .collect();
            // Rounded outwards, the last step can pass f64::MAX: then the ends will do.
            if ticks.iter().all(|tick| tick.is_finite()) {
                return ticks;
            }
            break;
        }
    }
    vec![min, max]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_even_apart_around_the_data() {
        assert_eq!(year_bounds(2016.0, 2024.0), (2016, 2024));
        assert_eq!(year_bounds(2018.6, 2025.9), (2018, 2026));
        assert_eq!(year_bounds(2017.0, 2020.0), (2017, 2021));
        assert_eq!(
            year_bounds(2023.0, 2023.0),
            (2022, 2024),
            "one date, centred"
        );
    }

    #[test]
    fn value_ticks_are_round_and_cover_the_data() {
        assert_eq!(value_ticks(1702.0, 19000.0), [0.0, 10000.0, 20000.0]);
        assert_eq!(
            value_ticks(10000.0, 120_000.0),
            [0.0, 50000.0, 100_000.0, 150_000.0]
        );
        assert_eq!(value_ticks(29.0, 30.0), [29.0, 29.5, 30.0]);
        assert_eq!(value_ticks(20.0, 20.0), [18.0, 20.0, 22.0]);
        assert_eq!(value_ticks(-5.0, 5.0), [-5.0, 0.0, 5.0]);
        for (min, max) in [
            (-f64::MAX, f64::MAX),
            (f64::MAX, f64::MAX),
            (-f64::MAX, -f64::MAX),
            (0.0, 5e306),
            (1.7e308, 1.79e308),
        ] {
            let ticks = value_ticks(min, max);
            assert!(ticks.iter().all(|v| v.is_finite()), "{ticks:?}");
            assert!(
                ticks[0] <= min && max <= ticks[ticks.len() - 1],
                "{ticks:?}"
            );
            assert!(ticks[0] < ticks[ticks.len() - 1], "{ticks:?}");
        }
    }
}
