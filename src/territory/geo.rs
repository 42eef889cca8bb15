//! Plane geometry on district outlines. At city scale lon/lat can be treated as plane
//! coordinates: the errors are far below the 150 m accuracy of the data.

use crate::domain::reference::GeoPoint;

/// Whether `p` lies inside the polygon `outline` (even-odd ray casting). The ring may be
/// closed (last point = first) or not. Fewer than three points contain nothing.
pub fn contains(outline: &[GeoPoint], p: GeoPoint) -> bool {
    if outline.len() < 3 {
        return false;
    }
    let mut inside = false;
    let mut j = outline.len() - 1;
    for i in 0..outline.len() {
        let (a, b) = (outline[i], outline[j]);
        if (a.lat > p.lat) != (b.lat > p.lat) {
            let lon = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
            if p.lon < lon {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// The area centroid of a polygon: where a map puts the district's label. Falls back to the
/// mean of the points for a degenerate (zero-area) ring; `None` for an empty one.
pub fn centroid(outline: &[GeoPoint]) -> Option<GeoPoint> {
    let first = *outline.first()?;
    let (mut area2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    let n = outline.len();
    for i in 0..n {
        // Relative to the first point, to keep precision with large coordinates.
        let a = outline[i];
        let b = outline[(i + 1) % n];
        let (ax, ay) = (a.lon - first.lon, a.lat - first.lat);
        let (bx, by) = (b.lon - first.lon, b.lat - first.lat);
        let cross = ax * by - bx * ay;
        area2 += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
    }
    if area2.abs() < 1e-12 {
        let k = n as f64;
        let lat = outline.iter().map(|p| p.lat).sum::<f64>() / k;
        let lon = outline.iter().map(|p| p.lon).sum::<f64>() / k;
        return Some(GeoPoint { lat, lon });
    }
    Some(GeoPoint {
        lat: first.lat + cy / (3.0 * area2),
        lon: first.lon + cx / (3.0 * area2),
    })
}

/// Closes the ring if needed. `None` when it has fewer than three distinct points, i.e.
/// when it outlines nothing.
pub(crate) fn closed_ring(mut points: Vec<GeoPoint>) -> Option<Vec<GeoPoint>> {
    let mut distinct: Vec<GeoPoint> = Vec::new();
    for p in &points {
        if !distinct.contains(p) {
            distinct.push(*p);
        }
        if distinct.len() >= 3 {
            break;
        }
    }
    if distinct.len() < 3 {
        return None;
    }
    if points.first() != points.last()
        && let Some(first) = points.first().copied()
    {
        points.push(first);
    }
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint { lat, lon }
    }

    fn square() -> Vec<GeoPoint> {
        vec![
            pt(0.0, 0.0),
            pt(0.0, 2.0),
            pt(2.0, 2.0),
            pt(2.0, 0.0),
            pt(0.0, 0.0),
        ]
    }

    #[test]
    fn contains_inside_and_outside() {
        let sq = square();
        assert!(contains(&sq, pt(1.0, 1.0)));
        assert!(!contains(&sq, pt(3.0, 1.0)));
        assert!(!contains(&sq, pt(1.0, -0.5)));
        assert!(!contains(&[], pt(1.0, 1.0)));
    }

    #[test]
    fn contains_respects_concavity() {
        // A "U": the notch between the arms is outside.
        let u = vec![
            pt(0.0, 0.0),
            pt(0.0, 3.0),
            pt(3.0, 3.0),
            pt(3.0, 2.0),
            pt(1.0, 2.0),
            pt(1.0, 1.0),
            pt(3.0, 1.0),
            pt(3.0, 0.0),
        ];
        assert!(contains(&u, pt(2.0, 0.5)));
        assert!(!contains(&u, pt(2.0, 1.5)));
        assert!(contains(&u, pt(0.5, 1.5)));
    }

    #[test]
    fn centroid_of_square_is_its_middle() {
        let c = centroid(&square()).unwrap_or(pt(9.0, 9.0));
        assert!((c.lat - 1.0).abs() < 1e-9 && (c.lon - 1.0).abs() < 1e-9);
        assert_eq!(centroid(&[]), None);
    }

    #[test]
    fn closed_ring_closes_and_rejects_degenerate() {
        let open = vec![pt(0.0, 0.0), pt(0.0, 1.0), pt(1.0, 1.0)];
        let closed = closed_ring(open).unwrap_or_default();
        assert_eq!(closed.len(), 4);
        assert_eq!(closed.first(), closed.last());
        assert_eq!(
            closed_ring(vec![pt(0.0, 0.0), pt(0.0, 1.0), pt(0.0, 0.0)]),
            None
        );
        assert_eq!(closed_ring(vec![]), None);
    }
}
