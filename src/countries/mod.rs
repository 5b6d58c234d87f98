//! The country reference the binary embeds (assets/countries, regenerated from public
//! packages by its `regenerate.mjs`): every ISO 3166-1 alpha-3 code with its zh/en names
//! and UN M49 region ([`reference`]), the Natural Earth outlines ([`shapes`]), and those
//! outlines rasterised onto a terminal's Braille dots for a viewport ([`raster`]).
//!
//! A bottom layer like `text`: it imports nothing of the crate, so `dataset` can validate
//! codes with it and `ui` can draw with it.

pub mod raster;
pub mod reference;
pub mod shapes;

pub use raster::{Bounds, Cell, Raster, Viewport};
pub use reference::{Country, CountryId, Region, all, by_code, country, find_by_name, suggest};
pub use shapes::{Shape, shape_of, shapes};
