//! The map's raster, kept between frames: rasterising the world costs about a millisecond,
//! a frame of the map must cost much less, and the raster changes only on a resize, a
//! zoom or a pan. A cache of one, keyed by what it was computed from.

use std::cell::RefCell;
use std::sync::Arc;

use crate::countries::{Raster, Viewport};

#[derive(Default)]
pub struct RasterMemory {
    last: RefCell<Option<Arc<Raster>>>,
}

impl RasterMemory {
    /// The raster of `viewport` on `width × height` cells, from memory when the last frame
    /// drew the same.
    pub fn raster(&self, viewport: Viewport, width: u16, height: u16) -> Arc<Raster> {
        let viewport = viewport.normalised();
        let mut last = self.last.borrow_mut();
        if let Some(raster) = last.as_ref()
            && raster.viewport() == viewport
            && raster.size() == (width, height)
        {
            return Arc::clone(raster);
        }
        let raster = Arc::new(Raster::new(viewport, width, height));
        *last = Some(Arc::clone(&raster));
        raster
    }
}
