//! Datasets in and out: every error located, hostile files defused, and the built-in
//! datasets checked figure by figure against their sources.
//!
//! One test binary per feature: each links the library again, which costs minutes on
//! two cores, so the tests of one feature share a binary.

mod connectivity_data;
mod countries;
mod hostile;
mod loading;
mod partners_data;
mod terms;
mod titles;
