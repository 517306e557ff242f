"""A detection pass over the frames exports will use, in three steps for the UI's worker
shape: ``plan`` on the caller's thread (reads the project), ``run`` anywhere (decodes and
runs the model, touches no project), ``save`` on the caller's thread (one undoable edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.media.index import FrameIndex, build_index
from reviewer.redact import regions as project_regions
from reviewer.redact.commands import AddTracks
from reviewer.redact.detector import Detector, shared
from reviewer.redact.errors import RedactError
from reviewer.redact.frames import FrameRef, walk
from reviewer.redact.model import Pass, Sample, Track
from reviewer.redact.tracking import STRIDE, Scan, link
from reviewer.store.model import Changes, Tag, new_uuid
from reviewer.store.project import Project

Progress = Callable[[int, int], None]
HANDLES_MS = 2000  # detect this far around a tag: exports usually add handles
POINT_TAG_MS = 4000  # the export's default clip length for a point tag


class _Flag:
    cancelled = False


@dataclass(frozen=True)
class Job:
    """One stretch of one footage file to look at, on behalf of one tag."""

    tag_uuid: str
    media_id: str
    path: Path
    from_ms: int
    to_ms: int  # exclusive


@dataclass(frozen=True)
class Result:
    job: Job
    tracks: tuple[tuple[Sample, ...], ...]
    first_ms: int  # the start of the first frame looked at
    last_ms: int  # the end of the last one
    detections: int  # frames the model ran on


def tag_span(tag: Tag, duration_ms: int, handles_ms: int = HANDLES_MS,
             point_ms: int = POINT_TAG_MS) -> tuple[int, int]:
    """The stretch of footage an export of ``tag`` may show (handles included)."""
    end = tag.end_ms if tag.end_ms is not None and tag.end_ms > tag.start_ms else \
        tag.start_ms + point_ms
    return max(0, tag.start_ms - handles_ms), max(0, min(duration_ms, end + handles_ms))


def plan(project: Project, tags: Sequence[Tag], handles_ms: int = HANDLES_MS,
         again: bool = False) -> tuple[list[Job], list[Tag]]:
    """Jobs for the parts of each tag's span (and stills) not looked at yet; offline tags."""
    jobs, offline = [], []
    for tag in tags:
        media = project.media_by_id(tag.media_id)
        path = project.locate(media)
        if path is None:
            offline.append(tag)
            continue
        reg = project_regions.regions(project, media.id)
        lo, hi = tag_span(tag, media.duration_ms, handles_ms)
        wanted = [(lo, hi)] + [(s.pts_ms, s.pts_ms + 1) for s in tag.stills
                               if not lo <= s.pts_ms < hi]
        for a, b in wanted:
            gaps = [(a, b)] if again else reg.uncovered(a, b)
            jobs.extend(Job(tag.uuid, media.id, path, x, y) for x, y in gaps)
    return jobs, offline


def run(jobs: Sequence[Job], token: object | None = None, progress: Progress | None = None,
        detector: Detector | None = None, stride: int = STRIDE) -> list[Result]:
    """Look at every job's frames; ``token.cancelled`` stops it between two frames."""
    flag = token if token is not None else _Flag()
    detector = detector or shared()
    indexes: dict[Path, FrameIndex] = {}
    spans = [_frames(indexes.setdefault(j.path, build_index(j.path)), j) for j in jobs]
    total, done = sum(b - a + 1 for a, b in spans), [0]

    def counted(frames: Iterator[FrameRef]) -> Iterator[FrameRef]:
        for ref in frames:
            if getattr(flag, "cancelled", False):
                raise RedactError("cancelled")
            done[0] += 1
            if progress is not None:
                progress(done[0], total)
            yield ref

    results = []
    for job, (first, last) in zip(jobs, spans, strict=True):
        index = indexes[job.path]
        scan = Scan(detector, stride)
        found = scan.run(counted(walk(job.path, index, first, last)))
        results.append(Result(job, tuple(link(found)), *looked_at(index, first, last),
                              len(found)))
    return results


def _frames(index: FrameIndex, job: Job) -> tuple[int, int]:
    return index.index_at_ms(job.from_ms), index.index_at_ms(max(job.from_ms, job.to_ms - 1))


def looked_at(index: FrameIndex, first: int, last: int) -> tuple[int, int]:
    """[start of ``first``, end of ``last``): what a pass over those frames covers."""
    return int(index.ms[first]), int(index.ms[last]) + index.duration_ms(last)


def save(project: Project, results: Sequence[Result]) -> Changes:
    """Store every result as one undoable edit; faces a person already deleted or kept
    visible on that footage are not brought back by a new pass."""
    tracks, passes = [], []
    for result in results:
        job = result.job
        judged = [t for t in project_regions.tracks(project, job.media_id, deleted=True)
                  if t.kind == "face" and (t.deleted or t.keep)]
        for samples in result.tracks:
            if not any(_same_face(samples, t) for t in judged):
                tracks.append(Track(new_uuid(), job.tag_uuid, job.media_id, "face", samples))
        passes.append(Pass(job.media_id, result.first_ms, result.last_ms, job.tag_uuid))
    if not tracks and not passes:
        return Changes()
    return project.apply(AddTracks(tuple(tracks), tuple(passes)))


def _same_face(samples: tuple[Sample, ...], judged: Track) -> bool:
    """Most of the new track's boxes overlap the judged track's boxes at the same times."""
    shared_times = [s for s in samples if judged.first_ms <= s.t_ms <= judged.last_ms]
    if not shared_times:
        return False
    hits = 0
    for s in shared_times:
        box = judged.box_at(s.t_ms)
        hits += box is not None and box.iou(s.box) > 0.3
    return hits >= len(shared_times) / 2
