//! The dataset file exactly as serde reads it: spans kept, nothing checked yet.
//!
//! Dates and numbers are read as [`toml::Value`] so that validation, not serde, decides
//! what is wrong with them and can say so with their location.

mod country;
mod figure;
mod keys;
mod syntax;
mod text;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub use country::*;
pub use figure::*;
pub(super) use keys::unknown_keys;
pub(super) use syntax::syntax_problems;
pub use text::*;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "Dataset",
    title = "bri-dash dataset",
    description = "A bri-dash dataset: figures with their sources, in tabs and panels. See docs/dataset.md.",
    // `sources` and `tabs` are read with a serde default so that validation, not serde,
    // reports them missing; the schema still requires them.
    extend("required" = ["dataset", "sources", "tabs"])
)]
pub struct RawDataset {
    #[schemars(description = "Metadata: id, title, summary, as-of date, languages, main source.")]
    pub dataset: RawMeta,
    #[serde(default)]
    #[schemars(
        length(min = 1),
        description = "Where figures come from (at least one)."
    )]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    #[schemars(
        length(min = 1),
        description = "The dashboard's tabs, in order (at least one)."
    )]
    pub tabs: Vec<RawTab>,
    #[serde(default)]
    #[schemars(description = "Titled groups of points, shown on tabs of kind `panels`.")]
    pub panels: Vec<RawPanel>,
    #[serde(default)]
    #[schemars(description = "The figures.")]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    #[schemars(description = "The timeline.")]
    pub events: Vec<RawEvent>,
    #[serde(default)]
    #[schemars(description = "The countries the dataset has facts or breakdowns about.")]
    pub countries: Vec<RawCountry>,
    #[serde(default)]
    #[schemars(description = "The kinds of fact recorded about countries.")]
    pub fact_kinds: Vec<RawFactKind>,
    #[serde(default)]
    #[schemars(description = "Dated, cited facts about countries.")]
    pub country_facts: Vec<RawCountryFact>,
}

impl RawDataset {
    /// The key of the figures, which a large file reads apart, a figure at a time.
    pub const INDICATORS: &str = "indicators";
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Meta")]
pub struct RawMeta {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "A short machine name: lowercase letters, digits and `-`."
    )]
    pub id: SpannedId,
    #[schemars(with = "RawText", description = "The title.")]
    pub title: SpannedText,
    #[schemars(with = "RawText", description = "One or two sentences.")]
    pub summary: SpannedText,
    #[schemars(
        with = "DateSchema",
        description = "The date the dataset describes, at its true precision."
    )]
    pub as_of: SpannedValue,
    #[schemars(with = "Vec<crate::dataset::Lang>", length(min = 1), extend("uniqueItems" = true), description = "The languages every text is given in; the first is the primary language.")]
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[schemars(
        with = "Option<String>",
        description = "The id of the dataset's main source, shown on the overview."
    )]
    pub source: Option<SpannedId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct RawSource {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among sources."
    )]
    pub id: SpannedId,
    #[schemars(
        with = "crate::dataset::SourceKind",
        description = "What kind of source it is."
    )]
    pub kind: Spanned<String>,
    #[schemars(with = "RawText", description = "The title.")]
    pub title: SpannedText,
    #[schemars(with = "Option<RawText>", description = "The journal, paper or site.")]
    pub publication: Option<SpannedText>,
    #[schemars(
        with = "Option<DateSchema>",
        description = "The publication date, where known."
    )]
    pub date: Option<SpannedValue>,
    #[schemars(description = "Where to read it.")]
    pub url: Option<String>,
    #[serde(default)]
    #[schemars(description = "The authors, in order.")]
    pub authors: Vec<RawAuthor>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Author")]
pub struct RawAuthor {
    #[schemars(with = "RawText", description = "The name.")]
    pub name: SpannedText,
    #[schemars(with = "Option<RawText>", description = "The institute or position.")]
    pub affiliation: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Tab")]
pub struct RawTab {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among tabs."
    )]
    pub id: SpannedId,
    #[schemars(with = "RawText", description = "A short tab label.")]
    pub title: SpannedText,
    #[schemars(with = "crate::dataset::TabKind", description = "What the tab shows.")]
    pub kind: Spanned<String>,
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        description = "For a `map` or `countries` tab: the ids of the fact kinds or indicators (with `by_country`) it shows; the map colours by the first. Empty: every fact kind."
    )]
    pub shows: Vec<SpannedId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Panel")]
pub struct RawPanel {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among panels."
    )]
    pub id: SpannedId,
    #[schemars(
        with = "String",
        description = "The id of the tab (of kind `panels`) that shows the panel."
    )]
    pub tab: SpannedId,
    #[schemars(with = "RawText", description = "A short title (it is a list entry).")]
    pub title: SpannedText,
    #[schemars(with = "RawText", description = "The panel's heading sentence.")]
    pub summary: SpannedText,
    #[schemars(
        with = "Option<String>",
        description = "The id of the source the panel draws on."
    )]
    pub source: Option<SpannedId>,
    #[serde(default)]
    #[schemars(description = "The panel's points, in order.")]
    pub points: Vec<RawPoint>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Point")]
pub struct RawPoint {
    #[schemars(with = "RawText", description = "The point.")]
    pub text: SpannedText,
    #[serde(default)]
    #[schemars(with = "Vec<RawText>", description = "Its sub-points, in order.")]
    pub sub: Vec<SpannedText>,
    #[schemars(
        with = "Option<String>",
        description = "The id of the source that states it."
    )]
    pub source: Option<SpannedId>,
    #[schemars(
        with = "Option<RawText>",
        description = "The sentence of the source that states it."
    )]
    pub quote: Option<SpannedText>,
    #[schemars(
        with = "Option<crate::dataset::Lang>",
        description = "The language in which the quote is a translation by the dataset's authors, not the source's words."
    )]
    pub quote_translated: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Event")]
pub struct RawEvent {
    #[schemars(
        with = "DateSchema",
        description = "When it happened, at its true precision."
    )]
    pub date: SpannedValue,
    #[schemars(with = "RawText", description = "What happened.")]
    pub label: SpannedText,
    #[schemars(with = "String", description = "The id of the source that states it.")]
    pub source: SpannedId,
    #[schemars(
        with = "Option<RawText>",
        description = "The sentence of the source that states it."
    )]
    pub quote: Option<SpannedText>,
    #[schemars(
        with = "Option<crate::dataset::Lang>",
        description = "The language in which the quote is a translation by the dataset's authors, not the source's words."
    )]
    pub quote_translated: Option<Spanned<String>>,
    #[schemars(
        with = "Option<RawText>",
        description = "How the date or event was read."
    )]
    pub note: Option<SpannedText>,
}
