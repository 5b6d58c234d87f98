//! The outlines on a terminal's cells: for a viewport and a grid of `w × h` cells of 2×4
//! Braille dots, which country covers each dot, each cell's country and its border dots.
//!
//! The projection is equirectangular (plate carrée): a dot is as many degrees wide as it
//! is tall, and a terminal's Braille dot is about square, so the world keeps its familiar
//! shape; the map is linear in lon/lat, so a click maps back to a place exactly, panning is
//! a shift and zooming a scale, and the scanline fill is exact in projected space. Robinson
//! or Miller would flatten the far north a little better, at the cost of a non-linear
//! inverse for every click — not worth it at 2° a dot.
//!
//! The fill samples each dot at its centre, even-odd over all rings of a country (so
//! Lesotho stays a hole in South Africa). A country too small to cover any dot centre
//! (Singapore, Bahrain at world zoom) still gets the one dot under its centroid: the
//! small states are the partners a reader looks for.

use super::reference::CountryId;
use super::shapes::{Shape, shapes};

/// A box in degrees: west/east longitudes, south/north latitudes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The box around nothing: `including` a point makes it that point.
    pub const EMPTY: Bounds = Bounds {
        west: f64::INFINITY,
        south: f64::INFINITY,
        east: f64::NEG_INFINITY,
        north: f64::NEG_INFINITY,
    };

    /// The smallest box holding this one and the point.
    pub fn including(self, lon: f64, lat: f64) -> Bounds {
        Bounds {
            west: self.west.min(lon),
            south: self.south.min(lat),
            east: self.east.max(lon),
            north: self.north.max(lat),
        }
    }

    /// The smallest box holding both.
    pub fn union(self, other: Bounds) -> Bounds {
        self.including(other.west, other.south)
            .including(other.east, other.north)
    }
}

/// What part of the world a map shows: its centre and a zoom, where zoom 1 fits the whole
/// world (360° × 180°) in the grid and zoom 2 shows half as many degrees each way. The
/// raster uses it [`normalised`](Viewport::normalised).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub center_lon: f64,
    pub center_lat: f64,
    pub zoom: f64,
}

impl Viewport {
    /// The whole world, centred on the meridian of Greenwich.
    pub const WORLD: Viewport = Viewport {
        center_lon: 0.0,
        center_lat: 0.0,
        zoom: 1.0,
    };

    /// The most a map zooms in: 0.1° (the outlines' precision) spread over some dots.
    pub const MAX_ZOOM: f64 = 1000.0;

    /// Degrees per Braille dot on a grid of `width × height` cells.
    pub fn degrees_per_dot(&self, width: u16, height: u16) -> f64 {
        let (dots_x, dots_y) = (
            f64::from(width.max(1)) * 2.0,
            f64::from(height.max(1)) * 4.0,
        );
        (360.0 / dots_x).max(180.0 / dots_y) / self.normalised().zoom
    }

    /// The same view with its centre in −180..180 / −90..90 and its zoom in 1..MAX_ZOOM
    /// (a NaN becomes the world's): a view from any arithmetic draws in bounded time.
    pub fn normalised(self) -> Viewport {
        let finite = |value: f64, default: f64| if value.is_finite() { value } else { default };
        Viewport {
            center_lon: (finite(self.center_lon, 0.0) + 180.0).rem_euclid(360.0) - 180.0,
            center_lat: finite(self.center_lat, 0.0).clamp(-90.0, 90.0),
            zoom: finite(self.zoom, 1.0).clamp(1.0, Viewport::MAX_ZOOM),
        }
    }

    /// The viewport that shows `bounds` whole, with a margin, on a grid of `width × height`
    /// cells (a region jump); never wider than the world.
    pub fn fit(bounds: Bounds, width: u16, height: u16) -> Viewport {
        let world = Viewport::WORLD.degrees_per_dot(width, height);
        let (dots_x, dots_y) = (
            f64::from(width.max(1)) * 2.0,
            f64::from(height.max(1)) * 4.0,
        );
        let needed =
            ((bounds.east - bounds.west) / dots_x).max((bounds.north - bounds.south) / dots_y);
        Viewport {
            center_lon: (bounds.west + bounds.east) / 2.0,
            center_lat: (bounds.south + bounds.north) / 2.0,
            zoom: world / (needed * 1.1),
        }
        .normalised()
    }

    /// The viewport moved by whole cells (a drag or an arrow key): positive `dx` moves the
    /// view east, positive `dy` south. Longitude wraps; latitude stays within ±90°.
    pub fn panned_by_cells(self, dx: i32, dy: i32, width: u16, height: u16) -> Viewport {
        let degrees = self.degrees_per_dot(width, height);
        Viewport {
            center_lon: self.center_lon + f64::from(dx) * 2.0 * degrees,
            center_lat: self.center_lat - f64::from(dy) * 4.0 * degrees,
            zoom: self.zoom,
        }
        .normalised()
    }
}

/// What one terminal cell shows. Dot masks use the Braille bit order, so
/// `char::from_u32(0x2800 + u32::from(mask))` is the character of those dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// The country covering most of the cell's dots; `None` when all are sea.
    pub country: Option<CountryId>,
    /// The dots on land (any country).
    pub land: u8,
    /// The land dots next to a dot of another country (a land border).
    pub border: u8,
    /// The land dots next to the sea (a coast).
    pub coast: u8,
}

/// The Braille bit of the dot at column `dx` (0–1) and row `dy` (0–3) of a cell.
const BRAILLE_BIT: [[u8; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];

/// A dot no country covers.
const SEA: u16 = u16::MAX;

/// The world for one viewport and grid, computed once (on resize, zoom, pan or a change
/// of data), read by every frame.
#[derive(Debug, Clone)]
pub struct Raster {
    viewport: Viewport,
    width: u16,
    height: u16,
    degrees: f64,
    /// Row-major, `2·width × 4·height`; the country id of each dot, or `SEA`.
    dots: Vec<u16>,
    /// Row-major, `width × height`.
    cells: Vec<Cell>,
}

impl Raster {
    /// Rasterises every outline for `viewport` on `width × height` cells.
    pub fn new(viewport: Viewport, width: u16, height: u16) -> Raster {
        let viewport = viewport.normalised();
        let degrees = viewport.degrees_per_dot(width, height);
        let (dots_x, dots_y) = (usize::from(width) * 2, usize::from(height) * 4);
        let mut raster = Raster {
            viewport,
            width,
            height,
            degrees,
            dots: vec![SEA; dots_x * dots_y],
            cells: Vec::new(),
        };
        let mut crossings = Vec::new();
        let mut unseen = Vec::new();
        for shape in shapes() {
            for offset in raster.wrap_offsets(shape) {
                if raster.fill(shape, offset, &mut crossings) == 0 {
                    unseen.push((shape, offset));
                }
            }
        }
        // Two tiny neighbours may share a dot (Jersey and Guernsey): the second takes the
        // nearest dot no tiny country holds yet, so both show.
        let mut placed: Vec<usize> = Vec::new();
        for (shape, offset) in unseen {
            let (lon, lat) = shape.centroid;
            let Some((x, y)) = raster.dot_of(lon + offset, lat) else {
                continue;
            };
            let around = [
                (0, 0),
                (1, 0),
                (-1, 0),
                (0, 1),
                (0, -1),
                (1, 1),
                (-1, -1),
                (1, -1),
                (-1, 1),
            ];
            let free = around.iter().find_map(|&(dx, dy)| {
                let (x, y) = (x.checked_add_signed(dx)?, y.checked_add_signed(dy)?);
                let index = y * dots_x + x;
                (x < dots_x && y < dots_y && !placed.contains(&index)).then_some(index)
            });
            if let Some(index) = free {
                raster.dots[index] = shape.country.0;
                placed.push(index);
            }
        }
        raster.cells = raster.cells_from_dots();
        raster
    }

    /// The viewport this raster was computed for.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The grid size in cells `(width, height)`.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// The cell at column `col`, row `row`; an empty (sea) cell outside the grid.
    pub fn cell(&self, col: u16, row: u16) -> Cell {
        if col >= self.width || row >= self.height {
            return Cell::default();
        }
        self.cells[usize::from(row) * usize::from(self.width) + usize::from(col)]
    }

    /// The country under the dot at `(x, y)` of the `2·width × 4·height` dot grid.
    pub fn dot(&self, x: usize, y: usize) -> Option<CountryId> {
        let dots_x = usize::from(self.width) * 2;
        if x >= dots_x || y >= usize::from(self.height) * 4 {
            return None;
        }
        let id = self.dots[y * dots_x + x];
        (id != SEA).then_some(CountryId(id))
    }

    /// The place `(lon, lat)` at the centre of a cell (what a click there points at);
    /// longitude wrapped into −180..180.
    pub fn lon_lat_of_cell(&self, col: u16, row: u16) -> (f64, f64) {
        let (x, y) = (f64::from(col) * 2.0 + 1.0, f64::from(row) * 4.0 + 2.0);
        let lon = self.viewport.center_lon + (x - f64::from(self.width)) * self.degrees;
        let lat = self.viewport.center_lat - (y - f64::from(self.height) * 2.0) * self.degrees;
        ((lon + 180.0).rem_euclid(360.0) - 180.0, lat)
    }

    /// The cell `(col, row)` showing the place `(lon, lat)`, if it is in view.
    pub fn cell_of(&self, lon: f64, lat: f64) -> Option<(u16, u16)> {
        let (x, y) = self.dot_of(lon, lat)?;
        Some((u16::try_from(x / 2).ok()?, u16::try_from(y / 4).ok()?))
    }

    /// The dot of a place, trying the copies of the world east and west of the centre.
    fn dot_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let (dots_x, dots_y) = (f64::from(self.width) * 2.0, f64::from(self.height) * 4.0);
        let y = (self.viewport.center_lat - lat) / self.degrees + dots_y / 2.0;
        let turns = ((self.viewport.center_lon - lon) / 360.0).round();
        let x = (lon + turns * 360.0 - self.viewport.center_lon) / self.degrees + dots_x / 2.0;
        ((0.0..dots_x).contains(&x) && (0.0..dots_y).contains(&y))
            .then_some((x as usize, y as usize))
    }

    /// The multiples of 360° by which the shape must be shifted to appear wherever the
    /// view shows it (a view wider than the world, or centred on the Pacific).
    fn wrap_offsets(&self, shape: &Shape) -> impl Iterator<Item = f64> + use<> {
        let half = f64::from(self.width) * self.degrees;
        let (west, east) = (
            self.viewport.center_lon - half,
            self.viewport.center_lon + half,
        );
        let (north, south) = (
            self.viewport.center_lat + f64::from(self.height) * 2.0 * self.degrees,
            self.viewport.center_lat - f64::from(self.height) * 2.0 * self.degrees,
        );
        let b = shape.bounds;
        let in_latitude = b.south <= north && b.north >= south;
        let first = ((west - b.east) / 360.0).ceil() as i64;
        let last = ((east - b.west) / 360.0).floor() as i64;
        (first..=last)
            .filter(move |_| in_latitude)
            .map(|turn| turn as f64 * 360.0)
    }

    /// Fills the dots whose centre lies inside the shape shifted by `offset` degrees of
    /// longitude; returns how many it filled.
    fn fill(&mut self, shape: &Shape, offset: f64, crossings: &mut Vec<(u32, f32)>) -> usize {
        let (dots_x, dots_y) = (usize::from(self.width) * 2, usize::from(self.height) * 4);
        let scale = 1.0 / (10.0 * self.degrees);
        let x0 = (offset - self.viewport.center_lon) / self.degrees + dots_x as f64 / 2.0;
        let y0 = self.viewport.center_lat / self.degrees + dots_y as f64 / 2.0;
        let project =
            |[lon, lat]: [i16; 2]| (x0 + f64::from(lon) * scale, y0 - f64::from(lat) * scale);
        crossings.clear();
        // Half a dot of error is invisible; the coarse rings have a third of the points.
        let tolerance = f64::from(super::shapes::COARSE_TOLERANCE) / 10.0;
        let rings = if self.degrees >= 2.0 * tolerance {
            &shape.coarse_rings
        } else {
            &shape.rings
        };
        for ring in rings.iter().filter(|ring| !ring.is_empty()) {
            let mut previous = project(ring[ring.len() - 1]);
            for &point in ring {
                let current = project(point);
                let ((ax, ay), (bx, by)) = (previous, current);
                previous = current;
                if ay == by {
                    continue;
                }
                // The rows whose centre (j + ½) lies in [min y, max y): each crossed once.
                let first = (ay.min(by) - 0.5).ceil().max(0.0);
                let end = (ay.max(by) - 0.5).ceil().min(dots_y as f64);
                let mut row = first;
                while row < end {
                    let t = (row + 0.5 - ay) / (by - ay);
                    crossings.push((row as u32, (ax + t * (bx - ax)) as f32));
                    row += 1.0;
                }
            }
        }
        crossings.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut filled = 0;
        for pair in crossings.chunks_exact(2) {
            let ((row, left), (_, right)) = (pair[0], pair[1]);
            let start = (f64::from(left) - 0.5).ceil().max(0.0) as usize;
            let end = ((f64::from(right) - 0.5).ceil().max(0.0) as usize).min(dots_x);
            if start < end {
                let line = row as usize * dots_x;
                self.dots[line + start..line + end].fill(shape.country.0);
                filled += end - start;
            }
        }
        filled
    }

    fn cells_from_dots(&self) -> Vec<Cell> {
        let (dots_x, dots_y) = (usize::from(self.width) * 2, usize::from(self.height) * 4);
        let mut cells = Vec::with_capacity(usize::from(self.width) * usize::from(self.height));
        for row in 0..usize::from(self.height) {
            for col in 0..usize::from(self.width) {
                let mut cell = Cell::default();
                let mut seen: [(u16, u8); 8] = [(SEA, 0); 8];
                for (dy, bits) in BRAILLE_BIT.iter().enumerate() {
                    for (dx, &bit) in bits.iter().enumerate() {
                        let (x, y) = (col * 2 + dx, row * 4 + dy);
                        let id = self.dots[y * dots_x + x];
                        if id == SEA {
                            continue;
                        }
                        cell.land |= bit;
                        let neighbours = [
                            (x > 0).then(|| self.dots[y * dots_x + x - 1]),
                            (x + 1 < dots_x).then(|| self.dots[y * dots_x + x + 1]),
                            (y > 0).then(|| self.dots[(y - 1) * dots_x + x]),
                            (y + 1 < dots_y).then(|| self.dots[(y + 1) * dots_x + x]),
                        ];
                        for other in neighbours.into_iter().flatten() {
                            if other == SEA {
                                cell.coast |= bit;
                            } else if other != id {
                                cell.border |= bit;
                            }
                        }
                        if let Some(slot) = seen.iter_mut().find(|(s, n)| *s == id || *n == 0) {
                            *slot = (id, slot.1 + 1);
                        }
                    }
                }
                // The most dots wins; a tie goes to the country met first (top left).
                let best = seen
                    .iter()
                    .fold((SEA, 0), |best, &s| if s.1 > best.1 { s } else { best });
                cell.country = (best.1 > 0).then_some(CountryId(best.0));
                cells.push(cell);
            }
        }
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::super::reference::{all, by_code};
    use super::super::shapes::shape_of;
    use super::*;

    fn id(code: &str) -> CountryId {
        by_code(code).unwrap().id
    }

    #[test]
    fn china_centroid_cell_is_china() {
        let raster = Raster::new(Viewport::WORLD, 200, 60);
        let (lon, lat) = shape_of(id("CHN")).unwrap().centroid;
        let (col, row) = raster.cell_of(lon, lat).unwrap();
        assert_eq!(raster.cell(col, row).country, Some(id("CHN")));
        assert_eq!(
            raster.cell(col, row).land,
            0xff,
            "a cell inside China is land throughout"
        );
    }

    #[test]
    fn the_atlantic_is_sea() {
        let raster = Raster::new(Viewport::WORLD, 200, 60);
        let (col, row) = raster.cell_of(-30.0, 30.0).unwrap();
        assert_eq!(raster.cell(col, row), Cell::default());
    }

    /// Russia crosses the antimeridian: its ring must not fill a band round the world.
    #[test]
    fn a_shape_across_the_antimeridian_stays_in_its_place() {
        let raster = Raster::new(Viewport::WORLD, 200, 60);
        let at = |lon: f64, lat: f64| {
            let (col, row) = raster.cell_of(lon, lat).unwrap();
            raster.cell(col, row).country
        };
        assert_eq!(
            at(-100.0, 62.0),
            Some(id("CAN")),
            "Canada at 62°N is Canada"
        );
        assert_eq!(
            at(-42.0, 72.0),
            Some(id("GRL")),
            "and Greenland is Greenland"
        );
        assert_eq!(at(-30.0, 60.0), None, "the North Atlantic at 60°N is sea");
        assert_eq!(at(100.0, 62.0), Some(id("RUS")), "Siberia is Russia");
        assert_eq!(at(177.0, 66.0), Some(id("RUS")), "so is Chukotka");
    }

    #[test]
    fn every_country_with_a_shape_shows_at_world_zoom() {
        let raster = Raster::new(Viewport::WORLD, 200, 60);
        let mut shown = vec![false; all().len()];
        for y in 0..240 {
            for x in 0..400 {
                if let Some(country) = raster.dot(x, y) {
                    shown[usize::from(country.0)] = true;
                }
            }
        }
        let missing: Vec<_> = all()
            .iter()
            .filter(|c| shape_of(c.id).is_some() && !shown[usize::from(c.id.0)])
            .map(|c| c.code)
            .collect();
        assert!(missing.is_empty(), "no dot for {missing:?}");
    }

    #[test]
    fn borders_and_coasts_are_marked() {
        let raster = Raster::new(Viewport::WORLD, 200, 60);
        let cells: Vec<Cell> = (0..60)
            .flat_map(|r| (0..200).map(move |c| (c, r)))
            .map(|(c, r)| raster.cell(c, r))
            .collect();
        assert!(cells.iter().any(|c| c.border != 0));
        assert!(cells.iter().any(|c| c.coast != 0));
        assert!(
            cells
                .iter()
                .all(|c| c.border & !c.land == 0 && c.coast & !c.land == 0)
        );
    }

    #[test]
    fn a_click_maps_back_to_its_place() {
        let viewport = Viewport {
            center_lon: 100.0,
            center_lat: 30.0,
            zoom: 4.0,
        };
        let raster = Raster::new(viewport, 120, 40);
        let (lon, lat) = raster.lon_lat_of_cell(37, 11);
        assert_eq!(raster.cell_of(lon, lat), Some((37, 11)));
        assert!(
            raster.cell_of(-100.0, 30.0).is_none(),
            "America is out of this view"
        );
    }

    #[test]
    fn a_view_across_the_date_line_shows_both_sides() {
        let viewport = Viewport {
            center_lon: 180.0,
            center_lat: 60.0,
            zoom: 3.0,
        };
        let raster = Raster::new(viewport, 80, 24);
        let (col, row) = raster.cell_of(170.0, 65.0).unwrap();
        assert_eq!(raster.cell(col, row).country, Some(id("RUS")));
        let (col, row) = raster.cell_of(-155.0, 65.0).unwrap();
        assert_eq!(raster.cell(col, row).country, Some(id("USA")));
    }

    #[test]
    fn lesotho_is_a_hole_in_south_africa() {
        let lesotho = shape_of(id("LSO")).unwrap().centroid;
        let raster = Raster::fit_for_test(shape_of(id("ZAF")).unwrap().bounds, 80, 24);
        let (col, row) = raster.cell_of(lesotho.0, lesotho.1).unwrap();
        assert_eq!(raster.cell(col, row).country, Some(id("LSO")));
    }

    #[test]
    fn a_region_fits_and_pans() {
        let bounds = shape_of(id("CHN")).unwrap().bounds;
        let viewport = Viewport::fit(bounds, 80, 24);
        assert!(viewport.zoom > 2.0, "{viewport:?}");
        let raster = Raster::new(viewport, 80, 24);
        assert!(raster.cell_of(bounds.west, bounds.south).is_some());
        assert!(raster.cell_of(bounds.east, bounds.north).is_some());
        let moved = viewport.panned_by_cells(10, -2, 80, 24);
        assert!(moved.center_lon > viewport.center_lon && moved.center_lat > viewport.center_lat);
        let wrapped = Viewport {
            center_lon: 179.0,
            ..Viewport::WORLD
        }
        .panned_by_cells(10, 0, 80, 24);
        assert!(wrapped.center_lon < 0.0, "{wrapped:?}");
    }

    #[test]
    fn any_size_rasterises_without_panic() {
        for (w, h) in [(0, 0), (1, 1), (0, 5), (3, 0), (400, 3), (2, 150)] {
            let raster = Raster::new(Viewport::WORLD, w, h);
            assert_eq!(raster.size(), (w, h));
            assert_eq!(raster.cell(w, h), Cell::default());
        }
        Raster::new(
            Viewport {
                center_lon: 1e9,
                center_lat: -1e9,
                zoom: 1e-9,
            },
            10,
            10,
        );
        Raster::new(
            Viewport {
                center_lon: f64::NAN,
                center_lat: 0.0,
                zoom: f64::NAN,
            },
            10,
            10,
        );
    }

    impl Raster {
        fn fit_for_test(bounds: Bounds, width: u16, height: u16) -> Raster {
            Raster::new(Viewport::fit(bounds, width, height), width, height)
        }
    }
}
