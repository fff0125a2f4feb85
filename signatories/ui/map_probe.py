"""A small browser component beside each map: can this browser draw WebGL, and how wide is the chart?

The server cannot know either: WebGL may be switched off (venue PCs, locked-down laptops, virtual desktops,
where Chrome no longer falls back to software), and the width decides the camera. The component creates a
canvas, asks it for a "webgl2" then a "webgl" context, measures its own width (the column the chart fills)
and the window's size (the display sizes its map from the screen), and reports them as one state value;
a change of its width by more than a few pixels reports again (a change of the window's height alone does
not: on a phone the address bar would rerun the page). Nothing is guessed from the user agent. Before it
reports (the page's first run) the live map is drawn at the nominal width.

A page that draws the same for every width between two breakpoints (the explorer: its camera widths and the
phone layout) names them, and the component then reports only what would change the page: a browser
without WebGL, or a width on the other side of a breakpoint from the one the server drew for. A laptop's
first visit then runs the page once, where it ran three times (the report, and another as the layout
settled).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import streamlit as st

from signatories import theme

# The width a chart is assumed to have until the browser says.
WIDTH_STEP_PX: Final = 8

_JS: Final = f"""
export default function (component) {{
  const {{ data, setStateValue, parentElement }} = component;
  const box = parentElement.querySelector("div");
  let webgl = false;
  try {{
    const canvas = document.createElement("canvas");
    webgl = Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
  }} catch (error) {{
    webgl = false;
  }}
  // The width the server last drew for, and the widths at which the page draws differently (none: every
  // change of a few pixels matters). Below the smallest breakpoint the camera follows the width itself.
  const breakpoints = (data && data.breakpoints) || [];
  // Without WebGL, or on a page without breakpoints, the first measurement is reported and then every change
  // of a few pixels (the map drawn instead of the live one follows the chart's real width).
  let sent = breakpoints.length && webgl && data.webgl !== false ? data.width : -1;
  const matters = (width) => {{
    if (sent < 0 || !webgl || !breakpoints.length || Math.min(width, sent) < breakpoints[0]) {{
      return Math.abs(width - sent) >= {WIDTH_STEP_PX};
    }}
    const low = Math.min(width, sent);
    const high = Math.max(width, sent);
    return breakpoints.some((breakpoint) => low < breakpoint && breakpoint <= high);
  }};
  const report = () => {{
    const width = Math.round(box.getBoundingClientRect().width);
    if (width > 0 && matters(width)) {{
      sent = width;
      // The window's size rides along; a change of height alone (a phone's address bar) reports nothing.
      const viewport = [window.innerWidth, window.innerHeight];
      setStateValue("probe", {{ webgl: webgl, width: width, viewport: viewport }});
    }}
  }};
  report();
  const observer = new ResizeObserver(report);
  observer.observe(box);
  return () => observer.disconnect();
}}
"""

_PROBE = st.components.v2.component(
    "map_probe",
    html='<div style="width:100%;height:1px"></div>',
    js=_JS,
)


@dataclass(frozen=True)
class Probe:
    webgl: bool | None  # None until the browser has reported
    width_px: int | None
    viewport_px: tuple[int, int] | None = None  # the browser window's inner width and height

    def chart_width(self) -> float:
        return float(self.width_px) if self.width_px else float(theme.MAP_NOMINAL_WIDTH_PX)


def probe(key: str, breakpoints: Sequence[int] = ()) -> Probe:
    """Mount the probe and read what it last reported.

    `breakpoints`: the chart widths at which the page draws differently; with them the browser reports only
    a missing WebGL or a width across one of them from what the server last heard (or assumed).
    """
    data = None
    if breakpoints:
        # A change of this data mounts the component afresh: it changes only when the server heard something.
        heard = last_report(key)
        data = {"breakpoints": sorted(set(breakpoints)), "width": heard.chart_width(), "webgl": heard.webgl}
    result: Any = _PROBE(key=key, data=data, default={"probe": None}, on_probe_change=lambda: None)
    return _parse(getattr(result, "probe", None))


def last_report(key: str) -> Probe:
    """What the probe mounted under `key` last reported, read without mounting it again (for other parts of
    the page that follow the chart's width)."""
    state: Any = st.session_state.get(key)
    return _parse(getattr(state, "probe", None) if state is not None else None)


def _parse(value: object) -> Probe:
    if not isinstance(value, dict):
        return Probe(None, None)
    webgl, width, viewport = value.get("webgl"), value.get("width"), value.get("viewport")
    size: tuple[int, int] | None = None
    sides = viewport if isinstance(viewport, list) and len(viewport) == 2 else []
    if sides and all(isinstance(side, int | float) and side > 0 for side in sides):
        size = (int(sides[0]), int(sides[1]))
    return Probe(
        webgl if isinstance(webgl, bool) else None,
        int(width) if isinstance(width, int | float) and width > 0 else None,
        size,
    )
