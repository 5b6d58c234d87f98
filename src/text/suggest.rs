//! Did-you-mean: the known name closest to a misspelt one, when one is close enough to be
//! what was meant. One measure (Jaro–Winkler, from strsim) for every hint the program gives.

/// How alike two names must be (0 to 1) for the one to be suggested for the other.
const ALIKE_ENOUGH: f64 = 0.8;

/// The candidate most like `unknown`, or `None` when none is alike enough.
pub fn closest<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > ALIKE_ENOUGH)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, best)| best)
}

/// `did you mean `best`?`, for a hint under an error.
pub fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(unknown, candidates).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_what_is_alike() {
        let known = ["digital-silk-road-2023", "bri-connectivity"];
        assert_eq!(closest("bri-conectivity", known), Some("bri-connectivity"));
        assert_eq!(closest("zzz", known), None);
        assert_eq!(
            did_you_mean("qiut", ["quit", "search"]).as_deref(),
            Some("did you mean `quit`?")
        );
    }
}
