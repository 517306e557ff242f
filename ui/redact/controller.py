"""What the redaction UI does, for the tag selected in the window: detect faces (on the
task pool), draw and correct regions (the tracker follows them on the pool), delete a
false detection, keep one visible, sign the tag off. Every edit goes through the session,
so it is saved, audited and undoable like a tag edit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reviewer.redact import detect, manual, regions
from reviewer.redact.model import Box, Regions, SignOff, Track
from reviewer.store.model import Changes, Tag
from ui.redact.preview import RedactionPreview


class RedactionController(QObject):
    changed = Signal()  # the tag, its regions or its sign-off changed: redraw
    busy = Signal(str)  # what runs in the background ("" when done)
    failed = Signal(str)

    def __init__(self, session, tasks, preview: RedactionPreview,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.tasks, self.preview = session, tasks, preview
        self.tag_uuid: str | None = None
        self.track_id: str | None = None
        self.media: tuple = ()  # the open recording's footage
        session.changed.connect(self._on_changed)

    # -- reading -----------------------------------------------------------

    @property
    def project(self):
        return self.session.project

    def tag(self) -> Tag | None:
        if self.tag_uuid is None:
            return None
        tag = self.session.tag(self.tag_uuid)
        return None if tag.deleted else tag

    def tracks(self) -> list[Track]:
        return regions.tracks(self.project, tag_uuid=self.tag_uuid) if self.tag_uuid else []

    def signoff(self) -> SignOff | None:
        return regions.signoff(self.project, self.tag_uuid) if self.tag_uuid else None

    def span(self) -> tuple[int, int]:
        tag = self.tag()
        if tag is None:
            return 0, 0
        return detect.tag_span(tag, self.project.media_by_id(tag.media_id).duration_ms)

    # -- selection ---------------------------------------------------------

    def open_media(self, media: tuple) -> None:
        self.media = media
        self.reload()

    def select_tag(self, uuid: str | None) -> None:
        if uuid != self.tag_uuid:
            self.tag_uuid, self.track_id = uuid, None
            self.changed.emit()

    def select_track(self, track_id: str | None) -> None:
        self.track_id = track_id
        self.changed.emit()

    def reload(self) -> None:
        found = {m.id: regions.regions(self.project, m.id) for m in self.media}
        self.preview.set_regions(found)
        self.changed.emit()

    def _on_changed(self, changes: Changes) -> None:
        if changes.tags or changes.media:
            self.reload()

    # -- edits -------------------------------------------------------------

    def _edit(self, op) -> Changes | None:
        return self.session.run(op)

    def sign(self, checked: bool) -> None:
        if self.tag_uuid:
            self._edit(lambda: regions.sign(self.project, self.tag_uuid, checked))

    def delete(self) -> None:
        if self.track_id:
            track_id, self.track_id = self.track_id, None
            self._edit(lambda: regions.delete(self.project, track_id))

    def keep(self, on: bool) -> None:
        if self.track_id:
            self._edit(lambda: regions.set_keep(self.project, self.track_id, on))

    def add_region(self, box: Box) -> None:
        """A box drawn on the frame on screen: stored at once, then followed on the pool."""
        tag = self.tag()
        if tag is None or self.preview.media_id != tag.media_id:
            self.failed.emit(self.tr("Select a tag on this footage first"))
            return
        found = self._edit(lambda: regions.add_manual(self.project, tag, self.preview.t_ms, box)[0])
        if found is not None:
            new = [t for t in self.tracks() if t.kind == "manual"]
            self.track_id = max(new, key=lambda t: t.created_at).id if new else None
            self._follow(self.track_id)

    def correct(self, track_id: str, box: Box) -> None:
        """A box moved on the frame on screen: a new key there, then followed again."""
        self.track_id = track_id
        keyed = self._edit(lambda: regions.set_key(self.project, track_id, self.preview.t_ms, box))
        if keyed is not None and regions.track(self.project, track_id).kind == "manual":
            self._follow(track_id)

    def _follow(self, track_id: str | None) -> None:
        if track_id is None:
            return
        track = regions.track(self.project, track_id)
        media = self.project.media_by_id(track.media_id)
        path = self.project.locate(media)
        if path is None:
            return
        lo, hi = self.span()
        keys = track.keys

        def work(token, progress):
            def check() -> None:
                if token.cancelled:
                    raise InterruptedError

            return manual.follow(path, keys, lo, max(lo, hi - 1), check, progress)

        self.busy.emit(self.tr("Following the region…"))
        self.tasks.submit(work, on_done=lambda s: self._followed(track_id, keys, s),
                          on_error=self._failed)

    def _followed(self, track_id: str, keys, samples) -> None:
        self.busy.emit("")
        if regions.track(self.project, track_id).keys == keys:  # not corrected meanwhile
            self._edit(lambda: regions.set_samples(self.project, track_id, samples))

    def detect(self) -> None:
        tag = self.tag()
        if tag is None:
            return
        jobs, offline = detect.plan(self.project, [tag])
        if offline:
            self.failed.emit(self.tr("The footage of this tag is offline"))
            return
        self.busy.emit(self.tr("Looking for faces…"))
        self.tasks.submit(lambda token, progress: detect.run(jobs, token, progress),
                          on_done=self._detected, on_error=self._failed)

    def _detected(self, results) -> None:
        self.busy.emit("")
        self._edit(lambda: detect.save(self.project, results))

    def _failed(self, exc: Exception) -> None:
        self.busy.emit("")
        message = getattr(exc, "message", None)
        self.failed.emit(message(self.session.lang) if callable(message) else str(exc))

    def regions_here(self) -> Regions:
        return self.preview.regions()
