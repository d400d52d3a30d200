//! Fitting the diagram into its pane: which flow (side by side or stacked), which zoom, and
//! the logical viewport the layout is computed for. The whole diagram is shown at the
//! largest zoom at which it fits, from 1.6× (a projector) down to [`MIN_ZOOM`]; beyond that
//! the pane scrolls vertically. A pane taller than wide, or too narrow for the side-by-side
//! flow even at the smallest zoom (a phone), stacks the regions and scrolls.
//!
//! Invariant: the zoom is one of [`ZOOMS`]; the logical viewport times the zoom is the
//! stage; the side-by-side flow is only chosen when its logical width is at least
//! [`PORTRAIT_BELOW`], so nothing is cut on the right.

use super::layout::{Focus, Layout, Options, PORTRAIT_BELOW, Viewport, layout};
use super::scene::Scene;

/// Zooms tried, largest first.
pub const ZOOMS: [f64; 10] = [1.6, 1.45, 1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78, 0.72];
/// The smallest zoom: below it the diagram's small print (digests, sizes) is no longer
/// readable, so the pane scrolls instead.
pub const MIN_ZOOM: f64 = 0.72;
/// The height asked of the layout to learn its content's height (the layout never uses
/// less; it only grows past the viewport's height).
const CONTENT_PROBE_HEIGHT: f64 = 240.0;
/// Stacked flow: the logical width aimed at (a phone's width at 1×).
const STACK_WIDTH: f64 = 380.0;

/// How the diagram fills a stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub zoom: f64,
    /// What the layout is computed for (the stage divided by the zoom).
    pub viewport: Viewport,
    pub portrait: bool,
}

impl Fit {
    /// Layout options that keep this fit's flow.
    pub fn options(&self, deep: bool) -> Options {
        Options { deep, portrait: Some(self.portrait) }
    }

    /// Lays `scene` out for this fit: the viewport's width, the content's own height (the
    /// pane centres it when it is shorter than the stage).
    pub fn layout(&self, scene: &Scene, focus: &Focus, deep: bool) -> Layout {
        layout(scene, Viewport { width: self.viewport.width, height: CONTENT_PROBE_HEIGHT }, focus, self.options(deep))
    }
}

/// The fit for `scenes` (all the scenes a clip will show, so the zoom holds still while it
/// plays) in a stage of `stage` CSS pixels.
pub fn fit(scenes: &[&Scene], stage: Viewport, focus: &Focus, deep: bool) -> Fit {
    let stage = Viewport { width: stage.width.clamp(200.0, 8000.0), height: stage.height.clamp(120.0, 8000.0) };
    let at = |zoom: f64, portrait: bool| Fit {
        zoom,
        viewport: Viewport { width: stage.width / zoom, height: stage.height / zoom },
        portrait,
    };
    let content = |f: &Fit| -> f64 { scenes.iter().map(|s| f.layout(s, focus, deep).height).fold(0.0, f64::max) };
    let tall = stage.height > stage.width * 1.15;
    if !tall {
        let mut smallest = None;
        for zoom in ZOOMS {
            let f = at(zoom, false);
            if f.viewport.width < PORTRAIT_BELOW {
                continue;
            }
            if content(&f) <= f.viewport.height + 0.5 {
                return f;
            }
            smallest = Some(f);
        }
        if let Some(f) = smallest {
            return f;
        }
    }
    // Stacked: as large as the width allows, the height scrolls.
    let zoom = ZOOMS.into_iter().find(|z| stage.width / z >= STACK_WIDTH && *z <= 1.3).unwrap_or(MIN_ZOOM);
    at(zoom, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vp(width: f64, height: f64) -> Viewport {
        Viewport { width, height }
    }

    #[test]
    fn an_empty_world_fills_a_projector_at_a_large_zoom() {
        let scene = Scene::default();
        let f = fit(&[&scene], vp(1000.0, 700.0), &Focus::default(), false);
        assert!(!f.portrait);
        assert!(f.zoom >= 1.2, "{f:?}");
        assert!((f.viewport.width * f.zoom - 1000.0).abs() < 0.01);
    }

    #[test]
    fn a_narrow_tall_stage_stacks() {
        let scene = Scene::default();
        let f = fit(&[&scene], vp(360.0, 500.0), &Focus::default(), false);
        assert!(f.portrait);
        assert!(f.viewport.width >= STACK_WIDTH - 0.01 || f.zoom == MIN_ZOOM, "{f:?}");
    }

    #[test]
    fn the_side_by_side_flow_is_never_narrower_than_its_minimum() {
        let scene = Scene::default();
        for w in [460.0, 520.0, 640.0, 760.0, 900.0, 1400.0] {
            let f = fit(&[&scene], vp(w, 420.0), &Focus::default(), false);
            assert!(f.portrait || f.viewport.width >= PORTRAIT_BELOW, "{w}: {f:?}");
            assert!(ZOOMS.contains(&f.zoom));
        }
    }
}
