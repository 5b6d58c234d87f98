//! The outlines (assets/countries/shapes.txt): Natural Earth 1:50m, at 0.1°.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::raster::Bounds;
use super::reference::{CountryId, by_code};

const SHAPES: &str = include_str!("../../assets/countries/shapes.txt");

/// How many tenths of a degree a stored coordinate counts.
const SCALE: f64 = 10.0;

/// The distance (in tenths of a degree, each way) under which [`Shape::coarse_rings`]
/// drops a point: 0.4°.
pub const COARSE_TOLERANCE: i16 = 4;

/// The outline of one country: its rings (outer rings and holes alike, filled even-odd).
#[derive(Debug, Clone)]
pub struct Shape {
    pub country: CountryId,
    /// Each ring as `[lon, lat]` in tenths of a degree, not closed (the last point joins
    /// the first); an atoll's ring may be one or two points, of no area.
    pub rings: Vec<Vec<[i16; 2]>>,
    /// The rings with every point closer than [`COARSE_TOLERANCE`] to the last one kept
    /// left out: what the raster fills when a dot is wider than twice that, where the
    /// dropped points could move an edge by less than half a dot.
    pub coarse_rings: Vec<Vec<[i16; 2]>>,
    /// The box around every ring, in degrees.
    pub bounds: Bounds,
    /// The area centroid of the largest ring `(lon, lat)` in degrees: where a label or a
    /// marker of the country goes (inside the country for every shape but a crescent).
    pub centroid: (f64, f64),
}

struct Shapes {
    shapes: Vec<Shape>,
    by_country: HashMap<CountryId, usize>,
}

fn store() -> &'static Shapes {
    static SHAPES_STORE: OnceLock<Shapes> = OnceLock::new();
    SHAPES_STORE.get_or_init(|| {
        // Generated and checked in CI, parsed by a test: a bad line is a broken build.
        let shapes = parse(SHAPES).unwrap_or_else(|error| panic!("shapes.txt: {error}"));
        let by_country = shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.country, i))
            .collect();
        Shapes { shapes, by_country }
    })
}

/// Every outline, in code order (one per country that has one).
pub fn shapes() -> &'static [Shape] {
    &store().shapes
}

/// The outline of a country; `None` for the codes Natural Earth has no shape for (small
/// territories such as Gibraltar or Tokelau).
pub fn shape_of(country: CountryId) -> Option<&'static Shape> {
    store()
        .by_country
        .get(&country)
        .map(|&i| &store().shapes[i])
}

fn parse(text: &str) -> Result<Vec<Shape>, String> {
    let mut shapes: Vec<Shape> = Vec::new();
    for (number, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'))
    {
        let located = |what: String| format!("line {}: {what}", number + 1);
        let (code, points) = line
            .split_once('\t')
            .ok_or_else(|| located("no tab".into()))?;
        let country = by_code(code)
            .ok_or_else(|| located(format!("unknown code {code}")))?
            .id;
        let ring = points
            .split(' ')
            .map(|pair| {
                let (lon, lat) = pair.split_once(',')?;
                Some([lon.parse().ok()?, lat.parse().ok()?])
            })
            .collect::<Option<Vec<[i16; 2]>>>()
            .ok_or_else(|| located("a point is not lon,lat in tenths of a degree".into()))?;
        if ring.is_empty() {
            return Err(located("a ring without points".into()));
        }
        let ring = continuous(ring);
        match shapes.last_mut() {
            Some(shape) if shape.country == country => shape.rings.push(ring),
            _ => shapes.push(Shape {
                country,
                rings: vec![ring],
                coarse_rings: Vec::new(),
                bounds: Bounds::EMPTY,
                centroid: (0.0, 0.0),
            }),
        }
    }
    for shape in &mut shapes {
        shape.bounds = bounds_of(&shape.rings);
        shape.centroid = centroid_of_largest(&shape.rings);
        shape.coarse_rings = shape.rings.iter().map(|ring| coarse(ring)).collect();
    }
    Ok(shapes)
}

/// A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180° to
/// −180° between two points; a scanline fill would read that jump as an edge across the
/// whole world and fill a band of it. The points after each jump are shifted by 360° so
/// the ring is continuous (reaching past 180°); the raster draws such a shape at each
/// copy of the world its bounds reach.
fn continuous(mut ring: Vec<[i16; 2]>) -> Vec<[i16; 2]> {
    const HALF_TURN: i16 = (180.0 * SCALE) as i16;
    const TURN: i16 = 2 * HALF_TURN;
    let mut shift: i16 = 0;
    let mut previous: Option<i16> = None;
    for point in &mut ring {
        let lon = point[0];
        if let Some(previous) = previous {
            let step = lon + shift - previous;
            if step > HALF_TURN {
                shift -= TURN;
            } else if step < -HALF_TURN {
                shift += TURN;
            }
        }
        point[0] = lon + shift;
        previous = Some(point[0]);
    }
    ring
}

fn coarse(ring: &[[i16; 2]]) -> Vec<[i16; 2]> {
    let mut kept: Vec<[i16; 2]> = Vec::with_capacity(ring.len() / 4 + 1);
    for &point in ring {
        let far = |last: &[i16; 2]| {
            (point[0] - last[0]).abs() >= COARSE_TOLERANCE
                || (point[1] - last[1]).abs() >= COARSE_TOLERANCE
        };
        if kept.last().is_none_or(far) {
            kept.push(point);
        }
    }
    kept
}

fn bounds_of(rings: &[Vec<[i16; 2]>]) -> Bounds {
    rings
        .iter()
        .flatten()
        .fold(Bounds::EMPTY, |b, &[lon, lat]| {
            b.including(f64::from(lon) / SCALE, f64::from(lat) / SCALE)
        })
}

/// The signed area (shoelace) and the area centroid of a ring, in stored units.
fn area_and_centroid(ring: &[[i16; 2]]) -> (f64, f64, f64) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, &[x0, y0]) in ring.iter().enumerate() {
        let [x1, y1] = ring[(i + 1) % ring.len()];
        let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    (area / 2.0, cx / (3.0 * area), cy / (3.0 * area))
}

fn centroid_of_largest(rings: &[Vec<[i16; 2]>]) -> (f64, f64) {
    let largest = rings
        .iter()
        .map(|ring| area_and_centroid(ring))
        .filter(|(area, cx, cy)| *area != 0.0 && cx.is_finite() && cy.is_finite())
        .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()));
    match largest {
        Some((_, cx, cy)) => (cx / SCALE, cy / SCALE),
        // A ring of no area (a few points on a line): the middle of its box will do.
        None => {
            let b = bounds_of(rings);
            ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::reference::{all, by_code};
    use super::*;

    #[test]
    fn the_outlines_parse_and_cover_most_countries() {
        assert_eq!(shapes().len(), 235);
        let with_shape = all().iter().filter(|c| shape_of(c.id).is_some()).count();
        assert_eq!(with_shape, shapes().len());
    }

    #[test]
    fn china_centroid_lies_in_china() {
        let china = shape_of(by_code("CHN").unwrap().id).unwrap();
        let (lon, lat) = china.centroid;
        assert!(
            (95.0..110.0).contains(&lon) && (30.0..40.0).contains(&lat),
            "{lon}, {lat}"
        );
        let b = china.bounds;
        assert!(
            b.west > 70.0 && b.west < 75.0 && b.east > 134.0 && b.east < 136.0,
            "{b:?}"
        );
    }

    #[test]
    fn small_partner_states_have_an_outline() {
        for code in ["SGP", "BHR", "MDV", "BRN"] {
            assert!(shape_of(by_code(code).unwrap().id).is_some(), "{code}");
        }
    }

    #[test]
    fn coarse_rings_keep_every_kept_point_within_the_tolerance_of_the_ring() {
        let ring = [[0, 0], [1, 1], [2, 0], [10, 0], [11, 1], [10, 10]];
        assert_eq!(coarse(&ring), [[0, 0], [10, 0], [10, 10]]);
        let china = shape_of(by_code("CHN").unwrap().id).unwrap();
        let (fine, coarse): (usize, usize) = (
            china.rings.iter().map(Vec::len).sum(),
            china.coarse_rings.iter().map(Vec::len).sum(),
        );
        assert!(coarse * 2 < fine, "{coarse} of {fine} points");
    }

    #[test]
    fn a_malformed_line_is_located() {
        assert_eq!(
            parse("CHN\t").unwrap_err(),
            "line 1: a point is not lon,lat in tenths of a degree"
        );
        assert_eq!(parse("CHN").unwrap_err(), "line 1: no tab");
        assert_eq!(
            parse("# c\nXXX\t1,2 3,4 5,6").unwrap_err(),
            "line 2: unknown code XXX"
        );
        assert_eq!(
            parse("CHN\t1,2 3,x 5,6").unwrap_err(),
            "line 1: a point is not lon,lat in tenths of a degree"
        );
    }
}
