"""Editor hand-off files: OTIO, FCP7 XML (xmeml), a CMX3600 EDL and a Resolve marker EDL.

OTIO is written through opentimelineio itself. The XML and EDLs are written here because
the adapters lose what the editors need (trial notes in docs/adr/0003-exports.md): the
FCP adapter drops marker comments and colours, and the CMX3600 writer mangles CJK reel
names, ignores the timeline start and writes no FCM line.
"""

from __future__ import annotations

import colorsys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import opentimelineio as otio

from reviewer.export import atomic
from reviewer.export.common import ExportOptions, ExportResult
from reviewer.export.snapshot import Snapshot
from reviewer.export.timeline import Event, Layout, layout, ntsc, timecode

# OTIO's marker colours by hue (degrees), and the Resolve colour each one becomes.
_HUES = (("RED", 0), ("ORANGE", 30), ("YELLOW", 55), ("GREEN", 120), ("CYAN", 180),
         ("BLUE", 220), ("PURPLE", 270), ("MAGENTA", 300), ("PINK", 330))
RESOLVE = {"RED": "ResolveColorRed", "ORANGE": "ResolveColorYellow", "YELLOW": "ResolveColorYellow",
           "GREEN": "ResolveColorGreen", "CYAN": "ResolveColorCyan", "BLUE": "ResolveColorBlue",
           "PURPLE": "ResolveColorPurple", "MAGENTA": "ResolveColorFuchsia",
           "PINK": "ResolveColorPink", "WHITE": "ResolveColorCream", "BLACK": "ResolveColorCocoa"}


def marker_colour(hex_colour: str) -> str:
    """The nearest OTIO marker colour to a category's ``#rrggbb``."""
    try:
        r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return "RED"
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    if s < 0.15:
        return "WHITE" if lightness > 0.5 else "BLACK"
    hue = h * 360
    return min(_HUES, key=lambda pair: min(abs(hue - pair[1]), 360 - abs(hue - pair[1])))[0]


def _title(snapshot: Snapshot) -> str:
    return snapshot.project_name or snapshot.project_file


def _note(event: Event) -> str:
    item = event.item
    parts = [item.problem, item.county, item.tag.place, item.unit, item.tag.note]
    return " · ".join(p.replace("\n", " ") for p in parts if p)


# --- OTIO -------------------------------------------------------------------------------

def build_otio(snapshot: Snapshot, options: ExportOptions) -> otio.schema.Timeline:
    lay = layout(snapshot, options)
    rate = float(lay.rate)
    timeline = otio.schema.Timeline(name=_title(snapshot))
    timeline.global_start_time = otio.opentime.RationalTime(lay.start, rate)
    track = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
    timeline.tracks.append(track)
    for event in lay.events:
        track.append(_otio_clip(event, rate))
    return timeline


def _otio_clip(event: Event, rate: float) -> otio.schema.Clip:
    item = event.item
    media_frames = round(item.media_duration_ms * rate / 1000) or event.src_out
    reference = otio.schema.ExternalReference(
        target_url=item.media_ref,  # project-relative: the editor relinks by name
        available_range=otio.opentime.TimeRange(otio.opentime.RationalTime(0, rate),
                                                otio.opentime.RationalTime(media_frames, rate)))
    reference.name = item.media_name
    clip = otio.schema.Clip(
        name=f"{item.number:03d} {item.problem}", media_reference=reference,
        source_range=otio.opentime.TimeRange(otio.opentime.RationalTime(event.src_in, rate),
                                             otio.opentime.RationalTime(event.length, rate)))
    clip.metadata["shenpian"] = _metadata(event)
    clip.metadata["cmx_3600"] = {"reel": event.reel}
    marker = otio.schema.Marker(
        name=item.category,
        marked_range=otio.opentime.TimeRange(
            otio.opentime.RationalTime(event.mark_in, rate),
            otio.opentime.RationalTime(event.mark_out - event.mark_in, rate)),
        color=marker_colour(item.colour), comment=_note(event))
    marker.metadata["shenpian"] = _metadata(event)
    clip.markers.append(marker)
    return clip


def _metadata(event: Event) -> dict[str, object]:
    item = event.item
    return {"uuid": item.tag.uuid, "number": item.number, "category": item.category,
            "sub_problem": item.sub_problem, "county": item.county, "township": item.township,
            "place": item.tag.place, "unit": item.unit, "severity": item.tag.severity or 0,
            "status": item.tag.status, "note": item.tag.note}


def write_otio(snapshot: Snapshot, target: Path, options: ExportOptions) -> ExportResult:
    text = otio.adapters.write_to_string(build_otio(snapshot, options), "otio_json")
    atomic.write_text(target, text)
    return ExportResult("otio", (target,), exported=len(snapshot.items))


# --- FCP7 XML (xmeml v4) -------------------------------------------------------------------

def _sub(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = str(text)
    return node


def _rate(parent: ET.Element, lay: Layout) -> None:
    node = _sub(parent, "rate")
    _sub(node, "timebase", lay.base)
    _sub(node, "ntsc", "TRUE" if ntsc(lay.rate) else "FALSE")


def build_xmeml(snapshot: Snapshot, options: ExportOptions) -> bytes:
    lay = layout(snapshot, options)
    root = ET.Element("xmeml", version="4")
    seq = _sub(root, "sequence", id="sequence-1")
    _sub(seq, "name", _title(snapshot))
    _sub(seq, "duration", lay.length)
    _rate(seq, lay)
    tc = _sub(seq, "timecode")
    _rate(tc, lay)
    _sub(tc, "string", timecode(lay.start, lay.base))
    _sub(tc, "frame", lay.start)
    _sub(tc, "displayformat", "NDF")
    media = _sub(seq, "media")
    video = _sub(media, "video")
    _format(video, lay, snapshot)
    files: set[str] = set()
    vtrack = _sub(video, "track")
    for n, event in enumerate(lay.events, start=1):
        _clipitem(vtrack, event, lay, n, "video", files)
    audio = _sub(media, "audio")
    atrack = _sub(audio, "track")
    for n, event in enumerate(lay.events, start=1):
        if event.item.has_audio:
            _clipitem(atrack, event, lay, n, "audio", files)
    for event in lay.events:  # sequence markers: where each problem is on the timeline
        _marker(seq, event, event.rec_in + event.mark_in - event.src_in, event.mark_out - event.mark_in)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n' + ET.tostring(root, "utf-8")


def _format(video: ET.Element, lay: Layout, snapshot: Snapshot) -> None:
    first = next((i for i in snapshot.items if i.width), None)
    chars = _sub(_sub(video, "format"), "samplecharacteristics")
    _rate(chars, lay)
    _sub(chars, "width", first.width if first else 1920)
    _sub(chars, "height", first.height if first else 1080)
    _sub(chars, "pixelaspectratio", "square")


def _clipitem(track: ET.Element, event: Event, lay: Layout, n: int, kind: str,
              files: set[str]) -> None:
    item = event.item
    clip = _sub(track, "clipitem", id=f"clipitem-{kind}-{n}")
    _sub(clip, "name", f"{item.number:03d} {item.problem}")
    media_frames = round(item.media_duration_ms * float(lay.rate) / 1000) or event.src_out
    _sub(clip, "duration", media_frames)
    _rate(clip, lay)
    _sub(clip, "start", event.rec_in)
    _sub(clip, "end", event.rec_out)
    _sub(clip, "in", event.src_in)
    _sub(clip, "out", event.src_out)
    file_id = f"file-{item.media_id}"
    if file_id in files:
        _sub(clip, "file", id=file_id)
    else:
        files.add(file_id)
        node = _sub(clip, "file", id=file_id)
        _sub(node, "name", item.media_name)
        # Relative and percent-encoded: never the absolute path of the reviewer's disk.
        _sub(node, "pathurl", quote(item.media_ref))
        _rate(node, lay)
        _sub(node, "duration", media_frames)
        fmedia = _sub(node, "media")
        _sub(fmedia, "video")
        if item.has_audio:
            _sub(fmedia, "audio")
    if kind == "video":
        _marker(clip, event, event.mark_in, event.mark_out - event.mark_in)


def _marker(parent: ET.Element, event: Event, at: int, length: int) -> None:
    marker = _sub(parent, "marker")
    _sub(marker, "name", f"{event.item.number:03d} {event.item.category}")
    _sub(marker, "comment", _note(event))
    _sub(marker, "in", at)
    _sub(marker, "out", at + max(1, length))


def write_xmeml(snapshot: Snapshot, target: Path, options: ExportOptions) -> ExportResult:
    atomic.write_bytes(target, build_xmeml(snapshot, options))
    return ExportResult("xmeml", (target,), exported=len(snapshot.items))


# --- EDLs ---------------------------------------------------------------------------------

def _ascii(text: str) -> str:
    return "".join(c if 32 <= ord(c) < 127 else "_" for c in text)


def _edl_title(snapshot: Snapshot) -> str:
    """EDL titles are ASCII; a Chinese project name becomes a neutral one, not underscores."""
    kept = " ".join("".join(c if 32 <= ord(c) < 127 else " " for c in _title(snapshot)).split())
    return kept[:60] if sum(c.isalpha() for c in kept) >= 3 else "SHENPIAN EXPORT"


def build_edl(snapshot: Snapshot, options: ExportOptions) -> str:
    """CMX3600: ASCII reels, FCM line, record from 01:00:00:00; names kept in comments (UTF-8)."""
    lay = layout(snapshot, options)
    lines = [f"TITLE: {_edl_title(snapshot)}", "FCM: NON-DROP FRAME", ""]
    for n, e in enumerate(lay.events, start=1):
        channel = "AA/V" if e.item.has_audio else "V"
        times = " ".join(timecode(f, lay.base) for f in
                         (e.src_in, e.src_out, lay.start + e.rec_in, lay.start + e.rec_out))
        lines.append(f"{n:03d}  {e.reel:<8} {channel:<5} C        {times}")
        lines.append(f"* FROM CLIP NAME: {e.item.media_name}")
        lines.append(f"* COMMENT: {_note(e)}")
        lines.append("")
    return "\r\n".join(lines)


def build_markers_edl(snapshot: Snapshot, options: ExportOptions) -> str:
    """Resolve's "Timeline Markers from EDL": one event per tag at its place on the timeline."""
    lay = layout(snapshot, options)
    lines = [f"TITLE: {_edl_title(snapshot)}", "FCM: NON-DROP FRAME", ""]
    for n, e in enumerate(lay.events, start=1):
        at = lay.start + e.rec_in + e.mark_in - e.src_in
        tc_in, tc_out = timecode(at, lay.base), timecode(at + 1, lay.base)
        lines.append(f"{n:03d}  001      V     C        {tc_in} {tc_out} {tc_in} {tc_out}  ")
        note = _note(e).replace("|", "/")
        colour = RESOLVE[marker_colour(e.item.colour)]
        name = f"{e.item.number:03d} {e.item.category}".replace("|", "/")
        lines.append(f"{note} |C:{colour} |M:{name} |D:{max(1, e.mark_out - e.mark_in)}")
        lines.append("")
    return "\r\n".join(lines)


def write_edl(snapshot: Snapshot, target: Path, options: ExportOptions,
              markers: bool = False) -> ExportResult:
    text = (build_markers_edl if markers else build_edl)(snapshot, options)
    atomic.write_text(target, text)
    return ExportResult("markers-edl" if markers else "edl", (target,), exported=len(snapshot.items))
