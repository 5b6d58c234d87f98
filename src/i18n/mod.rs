//! Every word the program says, in both languages, and the way it writes numbers and dates
//! for each: the dashboard, the exports and the comparison take them from here, so they say
//! the same thing the same way. A table of words is a struct with one field per word and
//! one constant per language, so a word missing in one language does not compile.
//!
//! Dataset text comes from the dataset, never from here.

mod check;
mod citation;
mod dates;
mod help;
mod numbers;
mod punctuation;
mod quotes;
mod report;
mod words;

pub use check::{checked, dataset_ok, report_labels};
pub use citation::{citation, source_citation};
pub use dates::{age, date, date_with_age, precision_name};
pub use help::{HelpLine, help_line};
pub use numbers::{figure, figure_in, figure_with_unit, is_stale, number, number_in};
pub use punctuation::{aside, labelled, quoted};
pub use quotes::{no_sentence, origin_mark, said_line};
pub use report::{
    BriefWords, Words as ReportWords, age_at_as_of, brief_words, qualifier as qualifier_words,
    title_marks, words as report_words,
};
pub use words::{
    Strings, cited, compared, gaps, hits, percent_of_target, point_of, similar, source_kind,
    strings, year,
};
